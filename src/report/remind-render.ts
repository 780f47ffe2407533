/** `tasks remind` on a terminal or a pipe: the messages of a dry run, then the summary per unit. */
import { formatDate } from '../domain/dates.js';
import type { RemindSummary, UnitSummary } from '../remind/summary.js';
import type { Lang } from './labels.js';
import { painter, safe, type RenderOptions } from './terminal.js';

const W = {
  vi: {
    dryRun: 'CHẠY THỬ (không gửi, không ghi gì)',
    outbox: 'hộp thư đi',
    smtp: 'máy chủ thư',
    head: 'Nhắc việc tính đến ngày {date}',
    meeting: 'trước họp giao ban ngày {date}',
    message: 'Thư {n}/{total} — {unit}',
    from: 'Từ',
    to: 'Đến',
    subject: 'Tiêu đề',
    unit: 'Đơn vị',
    sent: 'đã gửi',
    planned: 'sẽ gửi',
    failed: 'lỗi',
    skipped: 'bỏ qua',
    noEmail: 'chưa có thư điện tử: đặt bằng "tasks unit edit {code} --email …"',
    nothingNew: 'không có gì mới',
    nothing: 'Không có nhiệm vụ nào cần nhắc.',
    totals: 'Tổng: {messages} thư; nhiệm vụ: {sent} đã gửi, {failed} lỗi, {skipped} bỏ qua.',
    plannedTotals: 'Tổng: {messages} thư sẽ gửi.',
    file: 'tệp',
    noSender: '(chưa đặt: tasks config set office.email …)',
  },
  en: {
    dryRun: 'DRY RUN (nothing sent, nothing recorded)',
    outbox: 'outbox',
    smtp: 'mail server',
    head: 'Reminders as of {date}',
    meeting: 'before the briefing on {date}',
    message: 'Message {n}/{total} — {unit}',
    from: 'From',
    to: 'To',
    subject: 'Subject',
    unit: 'Unit',
    sent: 'sent',
    planned: 'to send',
    failed: 'failed',
    skipped: 'skipped',
    noEmail: 'no e-mail: set one with "tasks unit edit {code} --email …"',
    nothingNew: 'nothing new',
    nothing: 'No task needs a reminder.',
    totals: 'Total: {messages} messages; tasks: {sent} sent, {failed} failed, {skipped} skipped.',
    plannedTotals: 'Total: {messages} messages to send.',
    file: 'file',
    noSender: '(not set: tasks config set office.email …)',
  },
} as const;

function say(lang: Lang, key: keyof (typeof W)['vi'], values: Record<string, string | number> = {}): string {
  return W[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}

function dryRunMessages(summary: RemindSummary, lang: Lang): string[] {
  const all = summary.units.flatMap((u) => u.messages.map((m) => ({ unit: u, m })));
  return all.flatMap(({ unit, m }, i) => [
    `===== ${say(lang, 'message', { n: i + 1, total: all.length, unit: `${unit.name} (${unit.unit})` })} =====`,
    `${say(lang, 'from')}: ${m.from || say(lang, 'noSender')}`,
    `${say(lang, 'to')}: ${m.to.join(', ')}`,
    ...(m.cc.length ? [`Cc: ${m.cc.join(', ')}`] : []),
    `${say(lang, 'subject')}: ${safe(m.subject)}`,
    '',
    safe(m.text ?? '').trimEnd(),
    '',
  ]);
}

function unitLine(u: UnitSummary, summary: RemindSummary, lang: Lang): string {
  const label = `${u.name} (${u.unit})`;
  if (u.status === 'no_email') return `${label}: ${say(lang, 'skipped')} ${u.skipped} — ${say(lang, 'noEmail', { code: u.unit })}`;
  if (summary.mode === 'dry-run') return `${label}: ${say(lang, 'planned')} ${u.tasks.length - u.skipped}, ${say(lang, 'skipped')} ${u.skipped}`;
  const parts = [`${say(lang, 'sent')} ${u.sent}`, `${say(lang, 'failed')} ${u.failed}`, `${say(lang, 'skipped')} ${u.skipped}`];
  const note = u.status === 'nothing_new' ? ` — ${say(lang, 'nothingNew')}` : '';
  return `${label}: ${parts.join(', ')}${note}`;
}

export function renderRemind(summary: RemindSummary, options: RenderOptions): string {
  const { lang } = options;
  const paint = painter(options);
  const out: string[] = [];
  if (summary.mode === 'dry-run') out.push(paint.bold(say(lang, 'dryRun')), '', ...dryRunMessages(summary, lang));
  const where = summary.mode === 'dry-run' ? '' : ` — ${say(lang, summary.channel)}: ${summary.target}`;
  const meeting = summary.meeting ? `, ${say(lang, 'meeting', { date: formatDate(summary.meeting) })}` : '';
  out.push(paint.bold(`${say(lang, 'head', { date: formatDate(summary.asOf) })}${meeting}${where}`));
  if (summary.units.length === 0) out.push(say(lang, 'nothing'));
  for (const u of summary.units) {
    const line = unitLine(u, summary, lang);
    out.push(u.failed ? paint.red(line) : u.status === 'no_email' ? paint.yellow(line) : line);
    for (const m of u.messages) {
      if (m.reference && summary.channel === 'outbox') out.push(`  ${say(lang, 'file')}: ${m.reference}`);
      for (const f of m.failed) out.push(paint.red(`  ${f.address}: ${safe(f.error)}`));
    }
  }
  const t = summary.totals;
  out.push(summary.mode === 'dry-run' ? say(lang, 'plannedTotals', { messages: t.messages }) : say(lang, 'totals', { ...t }));
  return `${out.join('\n')}\n`;
}
