/**
 * An audit entry in words, for `tasks history`, `tasks log` and `tasks show`: "Đề nghị gia hạn
 * đến 18/12/2026 (gửi 03/12/2026), hạn hiện tại 09/12/2026", never an event code or a JSON key.
 * The JSON output keeps the stored entry as it is.
 */
import { formatDate } from '../domain/dates.js';
import type { Lang } from './labels.js';
import { PERIOD_LABELS } from './labels.js';
import { safe } from './safe-text.js';

type Detail = Record<string, unknown>;
type Words = (d: Detail, lang: Lang) => string;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
const isoDay = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
const day = (v: unknown, lang: Lang): string => {
  const iso = isoDay(v);
  return iso ? formatDate(iso) : (str(v) ?? (lang === 'vi' ? 'không có' : 'none'));
};
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => str(x) ?? JSON.stringify(x)) : []);
const quote = (v: unknown): string => `“${str(v) ?? ''}”`;
const pick = (lang: Lang, vi: string, en: string) => (lang === 'vi' ? vi : en);

function dueWords(d: Detail, lang: Lang): string {
  if (d.ongoing === true) return pick(lang, 'thường xuyên', 'ongoing');
  return isoDay(d.due) ? pick(lang, `hạn ${day(d.due, lang)}`, `due ${day(d.due, lang)}`) : pick(lang, 'chưa có hạn', 'no due date');
}

function reminderKind(kind: unknown, lang: Lang): string {
  const k = str(kind) ?? '';
  let m = /^before-(\d+)$/.exec(k);
  if (m) return pick(lang, `trước hạn ${m[1]} ngày`, `${m[1]} days before the due date`);
  m = /^after-(\d+)$/.exec(k);
  if (m) return pick(lang, `quá hạn ${m[1]} ngày`, `${m[1]} days overdue`);
  if (k === 'due') return pick(lang, 'đến hạn hôm nay', 'due today');
  if (k === 'meeting') return pick(lang, 'trước họp giao ban', 'before the briefing');
  return k;
}

const FIELD: Record<string, Record<Lang, string>> = {
  text: { vi: 'nội dung', en: 'text' },
  lead: { vi: 'đơn vị chủ trì', en: 'lead' },
  coordinating: { vi: 'phối hợp', en: 'coordinating' },
  due: { vi: 'hạn', en: 'due' },
  ongoing: { vi: 'thường xuyên', en: 'ongoing' },
  code: { vi: 'mã', en: 'code' },
  name: { vi: 'tên', en: 'name' },
  aliases: { vi: 'tên khác', en: 'aliases' },
  head: { vi: 'thủ trưởng', en: 'head' },
  email: { vi: 'thư điện tử', en: 'e-mail' },
  active: { vi: 'đang hoạt động', en: 'active' },
  role: { vi: 'vai trò', en: 'role' },
  unit: { vi: 'đơn vị', en: 'unit' },
};

function valueWords(key: string, v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return pick(lang, 'không có', 'none');
  if (typeof v === 'boolean') return v ? pick(lang, 'có', 'yes') : pick(lang, 'không', 'no');
  if (key === 'due' || isoDay(v)) return day(v, lang);
  if (Array.isArray(v)) return v.length ? list(v).join(', ') : pick(lang, 'không có', 'none');
  if (key === 'text') return quote(v);
  return str(v) ?? JSON.stringify(v);
}

/** "nội dung: “a” → “b”; hạn: 09/12/2026 → 18/12/2026" from {before, after}. */
function changeWords(before: unknown, after: unknown, lang: Lang): string {
  const b = (before ?? {}) as Detail;
  const a = (after ?? {}) as Detail;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
  return keys.map((k) => `${FIELD[k]?.[lang] ?? k}: ${valueWords(k, b[k], lang)} → ${valueWords(k, a[k], lang)}`).join('; ');
}

const WORDS: Record<string, Words> = {
  'task.add': (d, lang) => {
    const lead = str(d.lead) ?? (str(d.ownerText) ? pick(lang, `chưa giao (“${d.ownerText}”)`, `unassigned (“${d.ownerText}”)`) : pick(lang, 'chưa giao đơn vị', 'no unit yet'));
    const coord = list(d.coordinating);
    const from = str(d.source) ? pick(lang, `, văn bản ${d.source}`, `, source ${d.source}`) : str(d.ordinal) ? pick(lang, `, mục ${d.ordinal} của văn bản đã nhập`, `, item ${d.ordinal} of the imported source`) : '';
    return pick(lang, `Giao ${quote(d.text)} cho ${lead}`, `Assigned ${quote(d.text)} to ${lead}`) + (coord.length ? pick(lang, `, phối hợp: ${coord.join(', ')}`, `, coordinating: ${coord.join(', ')}`) : '') + `, ${dueWords(d, lang)}${from}`;
  },
  'task.edit': (d, lang) => pick(lang, 'Sửa ', 'Changed ') + changeWords(d.before, d.after, lang) + (str(d.ordinal) ? pick(lang, ` (theo bản sửa của văn bản, mục ${d.ordinal})`, ` (corrected source, item ${d.ordinal})`) : ''),
  'task.progress': (d, lang) => pick(lang, `Báo cáo tiến độ: ${str(d.note) ?? ''}`, `Progress: ${str(d.note) ?? ''}`),
  'task.done': (d, lang) =>
    pick(lang, `Hoàn thành ngày ${day(d.completedOn, lang)}`, `Completed on ${day(d.completedOn, lang)}`) +
    (str(d.evidence) ? pick(lang, `, văn bản báo cáo ${d.evidence}`, `, evidence ${d.evidence}`) : '') +
    (str(d.note) ? pick(lang, `; ghi chú: ${d.note}`, `; note: ${d.note}`) : ''),
  'task.extend': (d, lang) => pick(lang, `Gia hạn từ ${day(d.from, lang)} đến ${day(d.to, lang)}; lý do: ${str(d.reason) ?? ''}`, `Extended from ${day(d.from, lang)} to ${day(d.to, lang)}; reason: ${str(d.reason) ?? ''}`),
  'task.extend-request': (d, lang) =>
    pick(lang, `Đề nghị gia hạn đến ${day(d.to, lang)} (gửi ${day(d.asOf, lang)}), hạn hiện tại ${day(d.from, lang)}; lý do: ${str(d.reason) ?? ''}`, `Asked for an extension to ${day(d.to, lang)} (sent ${day(d.asOf, lang)}), due now ${day(d.from, lang)}; reason: ${str(d.reason) ?? ''}`),
  'task.extend-approve': (d, lang) =>
    pick(lang, `Duyệt đề nghị gia hạn của ${str(d.requestedBy) ?? ''} (gửi ${day(d.requestedOn, lang)}): hạn ${day(d.from, lang)} → ${day(d.to, lang)}; lý do: ${str(d.reason) ?? ''}`, `Approved ${str(d.requestedBy) ?? ''}'s extension request (sent ${day(d.requestedOn, lang)}): due ${day(d.from, lang)} → ${day(d.to, lang)}; reason: ${str(d.reason) ?? ''}`),
  'task.extend-reject': (d, lang) =>
    pick(lang, `Không duyệt đề nghị gia hạn đến ${day(d.to, lang)} của ${str(d.requestedBy) ?? ''}`, `Rejected ${str(d.requestedBy) ?? ''}'s request to extend to ${day(d.to, lang)}`) + (str(d.note) ? `: ${d.note}` : ''),
  'task.cancel': (d, lang) => pick(lang, `Dừng thực hiện; lý do: ${str(d.reason) ?? ''}`, `Cancelled; reason: ${str(d.reason) ?? ''}`) + (d.seriesStopped === true ? pick(lang, '; dừng cả các kỳ sau', '; later periods stopped too') : ''),
  'task.reopen': (d, lang) => {
    const was = (d.was ?? {}) as Detail;
    if (isoDay(was.cancelledOn)) return pick(lang, `Mở lại (đã dừng thực hiện ngày ${day(was.cancelledOn, lang)}, lý do: ${str(was.reason) ?? ''})`, `Reopened (cancelled on ${day(was.cancelledOn, lang)}, reason: ${str(was.reason) ?? ''})`);
    return pick(lang, `Mở lại (đã hoàn thành ngày ${day(was.completedOn, lang)}${str(was.evidence) ? `, văn bản ${was.evidence}` : ''})`, `Reopened (completed on ${day(was.completedOn, lang)}${str(was.evidence) ? `, evidence ${was.evidence}` : ''})`);
  },
  'task.occurrence': (d, lang) => pick(lang, `Kỳ ${str(d.period) ?? ''} của nhiệm vụ định kỳ, hạn ${day(d.due, lang)}`, `Period ${str(d.period) ?? ''} of a recurring task, due ${day(d.due, lang)}`),
  'series.add': (d, lang) => {
    const every = PERIOD_LABELS[str(d.every) ?? '']?.[lang] ?? str(d.every) ?? '';
    const on = typeof d.day === 'number' ? pick(lang, `, trước ngày ${d.day} của tháng cuối kỳ`, `, by day ${d.day} of the period's last month`) : '';
    return pick(lang, `Giao nhiệm vụ định kỳ ${every}${on} cho ${str(d.lead) ?? ''}: ${quote(d.text)}`, `Recurring task (${every}${on}) for ${str(d.lead) ?? ''}: ${quote(d.text)}`);
  },
  'source.add': (d, lang) => pick(lang, `Ghi văn bản ${str(d.number) ?? `#${d.source}`}`, `Source ${str(d.number) ?? `#${d.source}`} recorded`),
  'source.import': (d, lang) => pick(lang, `Nhập văn bản ${str(d.number) ?? `#${d.source}`}: ${d.directives} ý kiến chỉ đạo, ${d.tasks} nhiệm vụ`, `Imported ${str(d.number) ?? `#${d.source}`}: ${d.directives} directives, ${d.tasks} tasks`),
  'source.undo-import': (d, lang) => pick(lang, `Hủy lần nhập văn bản ${str(d.number) ?? `#${d.source}`}: xóa ${list(d.tasks).length} nhiệm vụ`, `Undid the import of ${str(d.number) ?? `#${d.source}`}: ${list(d.tasks).length} tasks removed`),
  'source.update-import': (d, lang) => {
    const changed = Array.isArray(d.changed) ? d.changed.map((c) => str((c as Detail).ordinal) ?? '') : [];
    const parts = [
      list(d.added).length ? pick(lang, `thêm mục ${list(d.added).join(', ')}`, `added item(s) ${list(d.added).join(', ')}`) : '',
      changed.length ? pick(lang, `sửa mục ${changed.join(', ')}`, `changed item(s) ${changed.join(', ')}`) : '',
      list(d.removed).length ? pick(lang, `bỏ mục ${list(d.removed).join(', ')}`, `removed item(s) ${list(d.removed).join(', ')}`) : '',
    ].filter(Boolean);
    return pick(lang, `Cập nhật văn bản ${str(d.number) ?? `#${d.source}`} theo bản sửa: `, `Updated ${str(d.number) ?? `#${d.source}`} to its corrected version: `) + parts.join('; ');
  },
  'sheet.import': (d, lang) => pick(lang, `Nhập bảng theo dõi ${str(d.sheet) ?? ''}: ${d.tasks} nhiệm vụ từ ${d.rows} dòng`, `Imported the tracker ${str(d.sheet) ?? ''}: ${d.tasks} tasks from ${d.rows} rows`),
  'unit.add': (d, lang) => pick(lang, `Thêm đơn vị ${str(d.code) ?? ''} – ${str(d.name) ?? ''}`, `Unit ${str(d.code) ?? ''} – ${str(d.name) ?? ''} added`),
  'unit.edit': (d, lang) => pick(lang, `Sửa đơn vị ${str((d.after as Detail | undefined)?.code) ?? ''}: `, `Unit ${str((d.after as Detail | undefined)?.code) ?? ''} changed: `) + changeWords(d.before, d.after, lang),
  'unit.groups': (d, lang) => pick(lang, `Cập nhật ${Array.isArray(d.groups) ? d.groups.length : 0} nhóm đơn vị`, `${Array.isArray(d.groups) ? d.groups.length : 0} unit groups updated`),
  'user.add': (d, lang) => pick(lang, `Thêm người dùng ${str(d.login) ?? ''}${str(d.name) ? ` (${d.name})` : ''}, vai trò ${str(d.role) ?? ''}`, `User ${str(d.login) ?? ''}${str(d.name) ? ` (${d.name})` : ''} added as ${str(d.role) ?? ''}`),
  'user.role': (d, lang) => pick(lang, `Đổi vai trò của ${str(d.login) ?? ''}: `, `Role of ${str(d.login) ?? ''} changed: `) + changeWords(d.before, d.after, lang),
  'user.edit': (d, lang) => pick(lang, `Sửa thông tin người dùng ${str(d.login) ?? ''}: `, `User ${str(d.login) ?? ''} changed: `) + changeWords(d.before, d.after, lang),
  'user.link': (d, lang) => pick(lang, `Tạo đường dẫn đăng nhập trang web cho ${str(d.login) ?? ''}`, `Web sign-in link made for ${str(d.login) ?? ''}`),
  'user.sign-in': (d, lang) => pick(lang, `${str(d.login) ?? ''} đăng nhập trang web`, `${str(d.login) ?? ''} signed in on the web page`),
  'config.set': (d, lang) => pick(lang, `Đặt ${str(d.key) ?? ''} = “${str(d.after) ?? ''}”`, `Set ${str(d.key) ?? ''} = “${str(d.after) ?? ''}”`) + (str(d.before) ? pick(lang, ` (trước: “${d.before}”)`, ` (was “${d.before}”)`) : ''),
  'config.unset': (d, lang) => pick(lang, `Bỏ ${str(d.key) ?? ''}`, `Removed ${str(d.key) ?? ''}`) + (str(d.before) ? pick(lang, ` (trước: “${d.before}”)`, ` (was “${d.before}”)`) : ''),
  'calendar.off': (d, lang) => pick(lang, `Ghi ngày nghỉ ${day(d.from, lang)}${d.to && d.to !== d.from ? ` – ${day(d.to, lang)}` : ''}`, `Days off ${day(d.from, lang)}${d.to && d.to !== d.from ? ` – ${day(d.to, lang)}` : ''}`) + (str(d.name) ? `: ${d.name}` : ''),
  'calendar.workday': (d, lang) => pick(lang, `Ghi ngày làm bù ${day(d.day, lang)}`, `Working day ${day(d.day, lang)}`) + (str(d.name) ? `: ${d.name}` : ''),
  'remind.send': (d, lang) => {
    const failed = Array.isArray(d.failed) ? d.failed.length : 0;
    return pick(lang, `Gửi nhắc việc “${str(d.subject) ?? ''}” đến ${list(d.to).join(', ')}`, `Reminder “${str(d.subject) ?? ''}” sent to ${list(d.to).join(', ')}`) +
      (list(d.cc).length ? pick(lang, `, đồng gửi ${list(d.cc).join(', ')}`, `, cc ${list(d.cc).join(', ')}`) : '') +
      pick(lang, ` (${list(d.tasks).length} nhiệm vụ)`, ` (${list(d.tasks).length} tasks)`) +
      (failed ? pick(lang, `; ${failed} địa chỉ gửi không được`, `; ${failed} address(es) failed`) : '');
  },
  'remind.task': (d, lang) =>
    pick(lang, `Nhắc việc (${reminderKind(d.kind, lang)}) gửi đến ${list(d.sent).join(', ') || 'không ai'}`, `Reminded (${reminderKind(d.kind, lang)}) to ${list(d.sent).join(', ') || 'nobody'}`) +
    (list(d.failed).length ? pick(lang, `; không gửi được đến ${list(d.failed).join(', ')}`, `; failed for ${list(d.failed).join(', ')}`) : ''),
  'db.restore': (d, lang) => pick(lang, `Khôi phục từ ${str(d.from) ?? ''} (${d.tasks} nhiệm vụ); bản đang dùng giữ tại ${str(d.aside) ?? ''}`, `Restored from ${str(d.from) ?? ''} (${d.tasks} tasks); the replaced one kept as ${str(d.aside) ?? ''}`),
};

/** One entry as a sentence; the as-of day only when it differs from the day the entry was written. */
export function auditWords(action: string, detail: Detail, entryDay: string, lang: Lang): string {
  // A row whose detail could not be read (damaged, or edited by hand) is said to be so, with what it holds.
  if (detail.damaged === true) return safe(pick(lang, `(chi tiết bị hỏng — damaged: ${str(detail.raw) ?? ''})`, `(damaged detail: ${str(detail.raw) ?? ''})`)).replace(/[\t\n]+/g, ' ');
  let text: string;
  try {
    text = WORDS[action]?.(detail, lang) ?? changeWords({}, Object.fromEntries(Object.entries(detail).filter(([k]) => k !== 'asOf')), lang);
  } catch {
    text = '';
  }
  const file = detail.attachment as Detail | undefined;
  if (file && typeof file === 'object' && str(file.file)) text += pick(lang, `, tệp ${file.file} (sha256 ${str(file.sha256) ?? ''})`, `, file ${file.file} (sha256 ${str(file.sha256) ?? ''})`);
  if (detail.channel === 'web' && !action.startsWith('user.')) text += pick(lang, ' (trên trang web)', ' (on the web page)');
  const asOf = isoDay(detail.asOf);
  if (asOf && asOf !== entryDay && action !== 'task.extend-request') text += pick(lang, ` (ghi theo ngày ${formatDate(asOf)})`, ` (as of ${formatDate(asOf)})`);
  // Line breaks and tabs would split one entry over several lines or columns.
  return safe(text).replace(/[\t\n]+/g, ' ');
}
