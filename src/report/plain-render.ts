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

export interface SectionedTask extends TaskView {
  section: 'overdue' | 'due_soon' | 'unsettled';
}

/** `tasks due` and `tasks overdue`, one line per task: section, id, unit, due, state, source, text. */
export function renderDuePlain(entries: SectionedTask[], today: string, lang: Lang): string {
  if (entries.length === 0) return `${word(lang, 'nothingDue', { date: formatDate(today) })}\n`;
  return entries
    .map((e) => [e.section, e.id, leadLabel(e, lang), dueLabel(e, lang), stateLabel(e, today, lang), e.source?.number ?? '', safe(e.text)].join('\t'))
    .join('\n') + '\n';
}

/** `tasks list`, one line per task: id, unit, due, state, source, text. */
export function renderTaskListPlain(views: TaskView[], today: string, lang: Lang): string {
  if (views.length === 0) return `${word(lang, 'noTasks')}\n`;
  return views.map((v) => plainLine(v, today, lang)).join('\n') + '\n';
}
