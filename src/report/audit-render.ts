/** The audit trail for `tasks history` and `tasks log`: one line per entry, oldest first. */
import type { StoredAuditEntry } from '../domain/audit.js';
import type { Lang } from './labels.js';
import { auditWords } from './audit-words.js';
import { safe } from './safe-text.js';

/** An audit entry as the use cases return it. */
type AuditLine = StoredAuditEntry;

const ACTIONS: Record<string, Record<Lang, string>> = {
  'task.add': { vi: 'giao nhiệm vụ', en: 'task added' },
  'task.edit': { vi: 'sửa nhiệm vụ', en: 'task edited' },
  'task.progress': { vi: 'báo cáo tiến độ', en: 'progress noted' },
  'task.done': { vi: 'hoàn thành', en: 'completed' },
  'task.extend': { vi: 'gia hạn', en: 'extended' },
  'task.extend-request': { vi: 'đề nghị gia hạn', en: 'extension requested' },
  'task.extend-approve': { vi: 'duyệt gia hạn', en: 'extension approved' },
  'task.extend-reject': { vi: 'không duyệt gia hạn', en: 'extension rejected' },
  'task.cancel': { vi: 'dừng thực hiện', en: 'cancelled' },
  'task.reopen': { vi: 'mở lại', en: 'reopened' },
  'task.occurrence': { vi: 'tạo kỳ mới của nhiệm vụ định kỳ', en: 'recurring period created' },
  'series.add': { vi: 'giao nhiệm vụ định kỳ', en: 'recurring task added' },
  'source.add': { vi: 'ghi văn bản', en: 'source recorded' },
  'source.import': { vi: 'nhập văn bản kết luận', en: 'conclusion imported' },
  'source.undo-import': { vi: 'hủy lần nhập văn bản', en: 'import undone' },
  'source.update-import': { vi: 'cập nhật văn bản theo bản sửa', en: 'import updated' },
  'sheet.import': { vi: 'nhập bảng theo dõi', en: 'tracker imported' },
  'user.add': { vi: 'thêm người dùng', en: 'user added' },
  'user.role': { vi: 'đổi vai trò', en: 'role changed' },
  'unit.add': { vi: 'thêm đơn vị', en: 'unit added' },
  'unit.edit': { vi: 'sửa đơn vị', en: 'unit edited' },
  'unit.deactivate': { vi: 'ngừng hoạt động đơn vị', en: 'unit deactivated' },
  'unit.groups': { vi: 'cập nhật nhóm đơn vị', en: 'groups updated' },
  'config.set': { vi: 'đặt cấu hình', en: 'setting changed' },
  'config.unset': { vi: 'bỏ cấu hình', en: 'setting removed' },
  'calendar.off': { vi: 'ghi ngày nghỉ', en: 'days off recorded' },
  'calendar.workday': { vi: 'ghi ngày làm bù', en: 'working day recorded' },
  'remind.send': { vi: 'gửi nhắc việc', en: 'reminder sent' },
  'remind.task': { vi: 'nhắc việc nhiệm vụ', en: 'task reminded' },
  'db.restore': { vi: 'khôi phục cơ sở dữ liệu', en: 'database restored' },
};

export function actionLabel(action: string, lang: Lang): string {
  return ACTIONS[action]?.[lang] ?? action;
}

/** One entry as a sentence with its day: what `tasks show` lists under "Lịch sử". */
export function entryWords(entry: { at: string; action: string; detail?: Record<string, unknown> }, lang: Lang): string {
  if (!entry.detail) return actionLabel(entry.action, lang);
  return auditWords(entry.action, entry.detail, vietnamTime(entry.at).slice(0, 10).split('/').reverse().join('-'), lang) || actionLabel(entry.action, lang);
}

/** The real-clock instant in Vietnam time: "20/11/2026 08:15:03". */
export function vietnamTime(at: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return safe(at);
  const local = new Date(ms + 7 * 3_600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 19)}`;
}

/** What happened, in words; the as-of day is shown only when it differs from the day of the entry. */
function detailText(entry: AuditLine, lang: Lang): string {
  return auditWords(entry.action, entry.detail, vietnamTime(entry.at).slice(0, 10).split('/').reverse().join('-'), lang);
}

export function renderAudit(entries: AuditLine[], lang: Lang, tty: boolean): string {
  if (entries.length === 0) return lang === 'en' ? 'No audit entries.\n' : 'Không có mục nhật ký nào.\n';
  const lines = entries.map((e) => {
    const target = e.taskId !== null ? `#${e.taskId}` : '';
    const cells = [vietnamTime(e.at), safe(e.actor), actionLabel(e.action, lang), target, detailText(e, lang)];
    return tty ? `${cells[0]}  ${cells[1].padEnd(16)} ${cells[2].padEnd(24)} ${cells[3].padEnd(6)} ${cells[4]}` : cells.join('\t');
  });
  return `${lines.join('\n')}\n`;
}

export function auditJson(entries: AuditLine[]): unknown[] {
  return entries.map((e) => ({ id: e.id, at: e.at, actor: e.actor, action: e.action, taskId: e.taskId, unitId: e.unitId, detail: e.detail }));
}
