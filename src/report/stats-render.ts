/** `tasks stats` on a terminal: the on-time rate per unit over a period. */
import Table from 'cli-table3';
import type { Stats } from '../report-model/stats.js';
import { formatDate } from '../domain/dates.js';
import { dw, formatRate } from './digest/words.js';
import { painter, safe, type RenderOptions } from './terminal.js';

export function renderStats(stats: Stats, options: RenderOptions): string {
  const { lang } = options;
  const paint = painter(options);
  const en = lang === 'en';
  const title = en
    ? `Tasks due from ${formatDate(stats.period.from)} to ${formatDate(stats.period.to)}, as of ${formatDate(stats.period.asOf)}`
    : `Nhiệm vụ có hạn xử lý từ ${formatDate(stats.period.from)} đến ${formatDate(stats.period.to)}, tính đến ngày ${formatDate(stats.period.asOf)}`;
  const head = [dw(lang, 'unit'), en ? 'Due' : 'Đến hạn', dw(lang, 'onTimeShort'), dw(lang, 'lateShort'), dw(lang, 'inTermShort'), dw(lang, 'overdueShort'), dw(lang, 'cancelledShort'), dw(lang, 'rateShort')];
  const t = new Table({
    head: head.map((h) => paint.bold(h)),
    colWidths: [26, 9, 9, 9, 10, 9, 8, 10],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    wordWrap: true,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  const row = (name: string, c: Stats['totals']) => [name, c.tasks, c.done_on_time, c.done_late, c.open_in_term, c.open_overdue, c.cancelled, formatRate(c.onTimeRate, lang)].map(String);
  for (const u of stats.units) t.push(row(safe(u.code === null ? dw(lang, 'unassigned') : u.name), u));
  t.push(row(dw(lang, 'total'), stats.totals).map((c) => paint.bold(c)));
  return `${paint.bold(title)}\n${t.toString()}\n`;
}
