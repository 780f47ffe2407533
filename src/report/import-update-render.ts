/** What a corrected conclusion changes (`tasks import FILE [--update]`): for a person, and as JSON. */
import type { UpdatePlan } from '../report-model/import-update.js';
import { formatDate } from '../domain/dates.js';
import { ownerLabel, scheduleLabel } from './import-render.js';
import type { Lang } from './labels.js';
import { painter, type RenderOptions } from './terminal.js';

const WORDS = {
  vi: { added: 'mới', changed: 'sửa', removed: 'bỏ', item: 'Mục', was: 'trước', lead: 'Chủ trì', due: 'Thời hạn', dueFrom: 'hạn', newLead: 'thêm nhiệm vụ cho', stop: 'nhiệm vụ đang mở sẽ dừng thực hiện', renumbered: 'trước là mục', unchanged: 'không đổi' },
  en: { added: 'new', changed: 'changed', removed: 'removed', item: 'Item', was: 'was', lead: 'Lead', due: 'Due', dueFrom: 'due', newLead: 'new tasks for', stop: 'open task(s) will be cancelled', renumbered: 'was item', unchanged: 'unchanged' },
} satisfies Record<Lang, Record<string, string>>;

export function renderUpdate(update: UpdatePlan, options: RenderOptions): string {
  const paint = painter(options);
  const w = WORDS[options.lang];
  const lines: string[] = [];
  for (const d of update.added) {
    lines.push(`${paint.green(`+ ${w.item} ${d.ordinal}`)} (${w.added})  ${d.text}`);
    lines.push(`    ${w.lead}: ${ownerLabel(d, options.lang)}; ${w.due}: ${scheduleLabel(d, options.lang)}`);
  }
  for (const c of update.changed) {
    const renumbered = c.stored.ordinal !== c.now.ordinal ? `, ${w.renumbered} ${c.stored.ordinal ?? '?'}` : '';
    lines.push(`${paint.yellow(`~ ${w.item} ${c.now.ordinal}`)} (${w.changed}${renumbered})  ${c.now.text}`);
    if (c.stored.text !== c.now.text) lines.push(`    ${w.was}: ${c.stored.text}`);
    for (const r of c.redated) lines.push(`    #${r.taskId}: ${w.dueFrom} ${r.from ? formatDate(r.from) : '—'} → ${formatDate(r.to)}`);
    if (c.newLeads.length) lines.push(`    ${w.newLead}: ${c.newLeads.map((u) => u.code).join(', ')}`);
    if (c.droppedTaskIds.length) lines.push(`    ${c.droppedTaskIds.length} ${w.stop}: ${c.droppedTaskIds.map((id) => `#${id}`).join(', ')}`);
  }
  for (const r of update.removed) {
    lines.push(`${paint.red(`- ${w.item} ${r.stored.ordinal ?? '?'}`)} (${w.removed})  ${r.stored.text}`);
    if (r.openTaskIds.length) lines.push(`    ${r.openTaskIds.length} ${w.stop}: ${r.openTaskIds.map((id) => `#${id}`).join(', ')}`);
  }
  lines.push(`${update.unchanged} ${w.item.toLowerCase()} ${w.unchanged}`);
  return lines.join('\n');
}

export interface UpdateJson {
  added: { ordinal: string; text: string; lead: string[] }[];
  changed: { ordinal: string; text: string; was: { ordinal: string | null; text: string }; redated: { task: number; from: string | null; to: string }[]; newLeads: string[]; cancelledTasks: number[] }[];
  removed: { ordinal: string | null; text: string; cancelledTasks: number[] }[];
  unchanged: number;
}

export function updateJson(update: UpdatePlan): UpdateJson {
  return {
    added: update.added.map((d) => ({ ordinal: d.ordinal, text: d.text, lead: d.lead.map((u) => u.code) })),
    changed: update.changed.map((c) => ({
      ordinal: c.now.ordinal,
      text: c.now.text,
      was: { ordinal: c.stored.ordinal, text: c.stored.text },
      redated: c.redated.map((r) => ({ task: r.taskId, from: r.from, to: r.to })),
      newLeads: c.newLeads.map((u) => u.code),
      cancelledTasks: c.droppedTaskIds,
    })),
    removed: update.removed.map((r) => ({ ordinal: r.stored.ordinal, text: r.stored.text, cancelledTasks: r.openTaskIds })),
    unchanged: update.unchanged,
  };
}
