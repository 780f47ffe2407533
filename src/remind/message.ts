/**
 * The words of a reminder: subject, plain text and HTML, always in Vietnamese (it is an official
 * letter, whatever --lang the clerk uses). Every piece of stored text goes through cleanLine, so
 * a task typed with line breaks stays one item and can never reach a header. Pure.
 */
import { daysBetween, formatDate, type IsoDate } from '../domain/dates.js';
import { cleanLine } from '../domain/text.js';
import type { Unit } from '../domain/units.js';
import type { PlannedMessage } from './plan.js';
import type { RemindItem, Section } from './select.js';

export interface Letterhead {
  today: IsoDate;
  /** Set on a pre-meeting run. */
  meetingOn: IsoDate | null;
  senderName: string;
  signature: string;
  /** Where units send their report of completion; null when no address is set. */
  officeEmail: string | null;
  /** Each task's latest progress note, by task id. */
  notes: ReadonlyMap<number, { on: IsoDate; note: string }>;
  /** web.url: the web page where units report (`tasks serve`); null when none is set. */
  webUrl?: string | null;
  /** A personal sign-in link for the unit's registered head, by unit code, when one of the recipients is that head. */
  signInLinks?: ReadonlyMap<string, { name: string; url: string }>;
}

export interface MessageContent {
  subject: string;
  text: string;
  html: string;
}

const HEADINGS: Record<Section, string> = {
  overdue: 'NHIỆM VỤ QUÁ HẠN',
  due_today: 'NHIỆM VỤ ĐẾN HẠN HÔM NAY',
  due_soon: 'NHIỆM VỤ SẮP ĐẾN HẠN',
};

const COUNTS: Record<Section, string> = { overdue: 'quá hạn', due_today: 'đến hạn hôm nay', due_soon: 'sắp đến hạn' };

function countsOf(items: RemindItem[]): string {
  const parts: string[] = [];
  for (const section of ['overdue', 'due_today', 'due_soon'] as const) {
    const n = items.filter((i) => i.section === section).length;
    if (n) parts.push(`${n} ${parts.length === 0 ? 'nhiệm vụ ' : ''}${COUNTS[section]}`);
  }
  return parts.join(', ');
}

export function subjectOf(unit: Unit, items: RemindItem[], meetingOn: IsoDate | null): string {
  const meeting = meetingOn ? `Giao ban ${formatDate(meetingOn)}: ` : '';
  return cleanLine(`[Nhắc việc] ${meeting}${countsOf(items)} — ${unit.name}`);
}

function stateOf(item: RemindItem, today: IsoDate): string {
  if (item.section === 'overdue') return `quá hạn ${item.task.daysLate} ngày`;
  if (item.section === 'due_today') return 'đến hạn hôm nay';
  return `còn ${daysBetween(today, item.task.due!)} ngày`;
}

function sourceOf(item: RemindItem): string {
  const source = item.task.source;
  if (!source?.number) return '';
  return cleanLine(source.issuedOn ? `${source.number} ngày ${formatDate(source.issuedOn)}` : source.number);
}

interface Row {
  id: number;
  text: string;
  source: string;
  due: string;
  state: string;
  coordinating: string;
  note: string;
}

function rowOf(item: RemindItem, head: Letterhead): Row {
  const today = head.today;
  const note = head.notes.get(item.task.id);
  return {
    note: note ? `${formatDate(note.on)}: ${cleanLine(note.note)}` : '',
    id: item.task.id,
    text: cleanLine(item.task.text),
    source: sourceOf(item),
    due: formatDate(item.task.due),
    state: stateOf(item, today),
    coordinating: item.task.coordinating.map((u) => cleanLine(u.name)).join('; '),
  };
}

function addresseeOf(unit: Unit): string {
  return cleanLine(unit.head ? `${unit.head}, ${unit.name}` : `Lãnh đạo ${unit.name}`);
}

function introOf(unit: Unit, items: RemindItem[], head: Letterhead): string {
  const name = cleanLine(unit.name);
  if (head.meetingOn) {
    return `Chuẩn bị họp giao ban ngày ${formatDate(head.meetingOn)}, ${cleanLine(head.senderName)} xin nhắc ${name} các nhiệm vụ do đơn vị chủ trì (tính đến ngày ${formatDate(head.today)}: ${countsOf(items)}):`;
  }
  return `Tính đến ngày ${formatDate(head.today)}, ${name} chủ trì ${countsOf(items)} như sau:`;
}

function closingOf(head: Letterhead): string {
  return `Đề nghị đơn vị khẩn trương thực hiện, gửi văn bản báo cáo kết quả về ${cleanLine(head.senderName)}; trường hợp cần điều chỉnh thời hạn, đề nghị có văn bản nêu rõ lý do.`;
}

/** How a unit reports completion, and the line the office then types to record it. */
function reportingOf(message: PlannedMessage, head: Letterhead): string[] {
  const to = head.officeEmail ? `${cleanLine(head.senderName)} (${cleanLine(head.officeEmail)})` : cleanLine(head.senderName);
  const id = message.items.length === 1 ? String(message.items[0].task.id) : '<Mã nhiệm vụ>';
  return [
    `Cách báo cáo hoàn thành: gửi văn bản báo cáo kết quả, ghi rõ Mã nhiệm vụ, về ${to}; ${cleanLine(head.senderName)} ghi nhận bằng lệnh: tasks done ${id} --evidence "<số văn bản báo cáo>".`,
  ];
}

/** Where to report on the web page: the head's personal link, or the page's address. */
function webLineOf(unit: Unit, head: Letterhead): string | null {
  const link = head.signInLinks?.get(unit.code);
  if (link) return `Báo cáo hoàn thành, tiến độ hoặc đề nghị gia hạn trên trang web: đường dẫn đăng nhập riêng của ${cleanLine(link.name)} (dùng một lần, trong 24 giờ): ${link.url}`;
  if (head.webUrl) return `Báo cáo hoàn thành, tiến độ hoặc đề nghị gia hạn trên trang web: ${cleanLine(head.webUrl)}`;
  return null;
}

function textBody(unit: Unit, message: PlannedMessage, head: Letterhead): string {
  const lines = [`Kính gửi: ${addresseeOf(unit)}`, '', introOf(unit, message.items, head)];
  for (const section of ['overdue', 'due_today', 'due_soon'] as const) {
    const items = message.items.filter((i) => i.section === section);
    if (items.length === 0) continue;
    lines.push('', `${HEADINGS[section]} (${items.length})`);
    items.forEach((item, n) => {
      const row = rowOf(item, head);
      lines.push(`${n + 1}. ${row.text}`);
      const facts = [`Mã nhiệm vụ #${row.id}`, row.source && `Văn bản: ${row.source}`, `Hạn xử lý: ${row.due}`, row.state].filter(Boolean);
      lines.push(`   ${facts.join(' · ')}`);
      if (row.coordinating) lines.push(`   Đơn vị phối hợp: ${row.coordinating}`);
      lines.push(`   Tiến độ gần nhất: ${row.note || 'chưa có báo cáo tiến độ'}`);
    });
  }
  const web = webLineOf(unit, head);
  lines.push('', closingOf(head), '', ...(web ? [web, ''] : []), ...reportingOf(message, head), '', 'Trân trọng.', '', '-- ', ...head.signature.split('\n'));
  return `${lines.join('\n')}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function htmlBody(unit: Unit, message: PlannedMessage, head: Letterhead): string {
  const e = escapeHtml;
  const cell = 'style="border:1px solid #999;padding:4px 6px;vertical-align:top"';
  const out = [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif;font-size:14px">',
    `<p>Kính gửi: <b>${e(addresseeOf(unit))}</b></p>`,
    `<p>${e(introOf(unit, message.items, head))}</p>`,
  ];
  for (const section of ['overdue', 'due_today', 'due_soon'] as const) {
    const items = message.items.filter((i) => i.section === section);
    if (items.length === 0) continue;
    out.push(`<h3>${e(HEADINGS[section])} (${items.length})</h3>`);
    out.push(`<table style="border-collapse:collapse"><tr><th ${cell}>TT</th><th ${cell}>Nội dung</th><th ${cell}>Văn bản</th><th ${cell}>Hạn xử lý</th><th ${cell}>Tình trạng</th><th ${cell}>Phối hợp</th><th ${cell}>Tiến độ gần nhất</th></tr>`);
    items.forEach((item, n) => {
      const r = rowOf(item, head);
      out.push(`<tr><td ${cell}>${n + 1}</td><td ${cell}>${e(r.text)}<br><small>Mã nhiệm vụ #${r.id}</small></td><td ${cell}>${e(r.source)}</td><td ${cell}>${e(r.due)}</td><td ${cell}>${e(r.state)}</td><td ${cell}>${e(r.coordinating)}</td><td ${cell}>${e(r.note || 'chưa có báo cáo tiến độ')}</td></tr>`);
    });
    out.push('</table>');
  }
  out.push(`<p>${e(closingOf(head))}</p>`);
  const link = head.signInLinks?.get(unit.code);
  if (link) out.push(`<p>Báo cáo hoàn thành, tiến độ hoặc đề nghị gia hạn trên trang web: <a href="${e(link.url)}">đăng nhập</a> (đường dẫn riêng của ${e(cleanLine(link.name))}, dùng một lần, trong 24 giờ).</p>`);
  else if (head.webUrl) out.push(`<p>Báo cáo hoàn thành, tiến độ hoặc đề nghị gia hạn trên trang web: <a href="${e(head.webUrl)}">${e(head.webUrl)}</a></p>`);
  out.push(...reportingOf(message, head).map((line) => `<p>${e(line)}</p>`), '<p>Trân trọng.</p>');
  out.push(`<p style="color:#555">${head.signature.split('\n').map(e).join('<br>')}</p>`, '</body></html>');
  return `${out.join('\n')}\n`;
}

export function composeMessage(unit: Unit, message: PlannedMessage, head: Letterhead): MessageContent {
  return { subject: subjectOf(unit, message.items, head.meetingOn), text: textBody(unit, message, head), html: htmlBody(unit, message, head) };
}
