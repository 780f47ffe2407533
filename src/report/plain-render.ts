/**
 * Tasks as tab-separated lines for pipes, files and cron jobs. Kept apart from the terminal
 * renderers so that output which is not a terminal never loads the table and colour libraries
 * (~30 ms of start-up).
 */
import { formatDate } from '../domain/dates.js';
import type { TaskView } from '../domain/task.js';
import { word, type Lang } from './labels.js';
import { safe } from './safe-text.js';
import { dueLabel, leadLabel, plainLine, stateLabel } from './task-labels.js';

/** What the daily view prints of a task: a full view or the narrow line of app/due-view.ts. */
export interface SectionedTask extends Pick<TaskView, 'id' | 'text' | 'lead' | 'ownerText' | 'ongoing' | 'bucket' | 'due' | 'daysLate'> {
  source: { number: string | null } | null;
  section: 'overdue' | 'due_soon' | 'unsettled';
}

/**
 * `tasks due` and `tasks overdue`, one line per task: section, id, unit, due, state, source,
 * text; in pieces of a few hundred lines, so a long view is written as it is made rather than
 * built into one string first.
 */
export function* duePlainChunks(entries: readonly SectionedTask[], today: string, lang: Lang): Generator<string> {
  if (entries.length === 0) {
    yield `${word(lang, 'nothingDue', { date: formatDate(today) })}\n`;
    return;
  }
  // Thousands of lines share a few hundred due dates and a few dozen units: each label is made once.
  const dueAndState = new Map<string, string>();
  const units = new Map<string, string>();
  let chunk = '';
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const key = `${e.ongoing ? 1 : 0}${e.bucket}${e.due}${e.daysLate}`;
    let middle = dueAndState.get(key);
    if (middle === undefined) dueAndState.set(key, (middle = `${dueLabel(e, lang)}\t${stateLabel(e, today, lang)}`));
    let lead = e.lead === null ? undefined : units.get(e.lead.code);
    if (lead === undefined) {
      lead = leadLabel(e, lang);
      if (e.lead !== null) units.set(e.lead.code, lead);
    }
    chunk += `${e.section}\t${e.id}\t${lead}\t${middle}\t${e.source?.number ?? ''}\t${safe(e.text)}\n`;
    if ((i + 1) % 256 === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export function renderDuePlain(entries: readonly SectionedTask[], today: string, lang: Lang): string {
  return [...duePlainChunks(entries, today, lang)].join('');
}

/** `tasks list`, one line per task: id, unit, due, state, source, text. */
export function renderTaskListPlain(views: TaskView[], today: string, lang: Lang): string {
  if (views.length === 0) return `${word(lang, 'noTasks')}\n`;
  return views.map((v) => plainLine(v, today, lang)).join('\n') + '\n';
}
