/** `tasks due` and `tasks overdue` on a terminal: sections, grouped by unit. */
import { addDays, formatDate } from '../domain/dates.js';
import { word } from './labels.js';
import { renderDuePlain, type SectionedTask } from './plain-render.js';
import { dueLabel, leadLabel, stateLabel } from './task-labels.js';
import { paintBucket, painter, safe, table, type RenderOptions } from './terminal.js';

export type { SectionedTask } from './plain-render.js';

export function renderDue(entries: SectionedTask[], today: string, within: number, options: RenderOptions): string {
  const { lang } = options;
  if (!options.tty || entries.length === 0) return renderDuePlain(entries, today, lang);
  const paint = painter(options);
  const header = paint.dim(word(lang, 'asOf', { date: formatDate(today) }));
  const titles = {
    overdue: paint.red.bold(word(lang, 'overdue')),
    due_soon: paint.yellow.bold(word(lang, 'dueSoon', { date: formatDate(addDays(today, within)) })),
    unsettled: paint.magenta.bold(word(lang, 'unsettled')),
  };
  const out = [header];
  for (const section of ['overdue', 'due_soon', 'unsettled'] as const) {
    const items = entries.filter((e) => e.section === section);
    if (items.length === 0) continue;
    out.push('', `${titles[section]} (${items.length})`);
    // Grouped by unit, units in the order their first task appears (most urgent first).
    const units = [...new Set(items.map((e) => leadLabel(e, lang)))];
    for (const unit of units) {
      const rows = items.filter((e) => leadLabel(e, lang) === unit);
      const name = rows[0].lead ? `${rows[0].lead.name} (${rows[0].lead.code})` : unit;
      out.push(paint.bold(`  ${safe(name)}`));
      const t = table([], [8, 13, 16, 14], options.width - 2);
      for (const e of rows) {
        t.push([`  #${e.id}`, safe(e.text), dueLabel(e, lang), paintBucket(paint, e.bucket, stateLabel(e, today, lang)), e.source?.number ?? '']);
      }
      out.push(t.toString());
    }
  }
  return `${out.join('\n')}\n`;
}
