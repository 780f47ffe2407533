/**
 * `tasks export --format ics`: an RFC 5545 calendar with one all-day event per open task on its
 * due date in force, and an alarm three days before. Written by hand because it is small:
 * escaping of \ ; , and line breaks (3.3.11), lines folded at 75 octets without splitting a
 * UTF-8 character (3.1), CRLF line ends. The UID is the task's id at this database's identity,
 * and SEQUENCE counts the extensions, so a calendar that imports the file again moves the event
 * when the due date moves instead of adding a second one.
 */
import { isOpenWithDeadline } from '../../domain/task-order.js';
import type { ExportedTask } from '../../report-model/export.js';
import { addDays, formatDate } from '../../domain/dates.js';

export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Splits a content line into pieces of at most 75 octets, continuations beginning with a space. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
      // A continuation line begins with one space, which counts towards its 75 octets.
      limit = 74;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

function stampOf(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const SUMMARY_TEXT_LIMIT = 120;

export interface IcsOptions {
  databaseId: string;
  now: Date;
  calendarName: string;
}

/** The open tasks with a due date: what belongs in a calendar. */
export function calendarTasks(tasks: ExportedTask[]): ExportedTask[] {
  return tasks.filter(({ view }) => isOpenWithDeadline(view.bucket) && view.due !== null);
}

export function icsHead(options: IcsOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//tasks//Theo doi nhiem vu//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

export function icsTail(): string {
  return 'END:VCALENDAR\r\n';
}

/** The events of the open tasks with a due date among `tasks`. */
export function icsEvents(tasks: ExportedTask[], options: IcsOptions): string {
  const lines: string[] = [];
  const stamp = stampOf(options.now);
  for (const { view, progress } of calendarTasks(tasks)) {
    const due = view.due!;
    const unit = view.lead?.name ?? 'Chưa giao đơn vị';
    const short = view.text.length > SUMMARY_TEXT_LIMIT ? `${view.text.slice(0, SUMMARY_TEXT_LIMIT - 1).trimEnd()}…` : view.text;
    const summary = `Hạn: ${short} – ${unit}${view.source?.number ? ` – ${view.source.number}` : ''}`;
    const details = [
      view.text,
      `Đơn vị chủ trì: ${unit}`,
      view.coordinating.length ? `Phối hợp: ${view.coordinating.map((u) => u.name).join(', ')}` : null,
      view.source?.number ? `Văn bản: ${view.source.number}${view.source.issuedOn ? ` ngày ${formatDate(view.source.issuedOn)}` : ''}` : null,
      `Ngày giao: ${formatDate(view.assignedOn)}; hạn xử lý: ${formatDate(due)}`,
      view.extensions.length ? `Gia hạn từ ${formatDate(view.originalDue)}: ${view.extensions[view.extensions.length - 1].reason}` : null,
      progress ? `Tiến độ (${formatDate(progress.on)}): ${progress.note}` : null,
      `tasks show ${view.id}`,
    ].filter((l): l is string => l !== null);
    lines.push(
      'BEGIN:VEVENT',
      `UID:task-${view.id}@${options.databaseId}.tasks`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${view.extensions.length}`,
      `DTSTART;VALUE=DATE:${compactDate(due)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(due, 1))}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(details.join('\n'))}`,
      ...(view.lead ? [`CATEGORIES:${escapeText(view.lead.code)}`] : []),
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(`Còn 3 ngày đến hạn: ${short}`)}`,
      'TRIGGER:-P3D',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  return lines.length ? `${lines.map(foldLine).join('\r\n')}\r\n` : '';
}
