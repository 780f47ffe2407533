/** How a task's unit, due date and state read, on a terminal and in plain lines alike. */
import { formatDate } from '../domain/dates.js';
import type { TaskView } from '../domain/task.js';
import { BUCKET_LABELS, word, type Lang } from './labels.js';
import { safe } from './safe-text.js';

export function leadLabel(view: Pick<TaskView, 'lead' | 'ownerText'>, lang: Lang): string {
  return view.lead ? view.lead.code : `(${word(lang, 'unassigned')}${view.ownerText ? `: ${safe(view.ownerText)}` : ''})`;
}

export function dueLabel(view: Pick<TaskView, 'ongoing' | 'due'>, lang: Lang): string {
  if (view.ongoing) return word(lang, 'ongoing');
  return view.due ? formatDate(view.due) : word(lang, 'noDue');
}

/** "quá 5 ngày", "còn 3 ngày", "đến hạn hôm nay" or the bucket's name. */
export function stateLabel(view: Pick<TaskView, 'bucket' | 'due' | 'daysLate'>, today: string, lang: Lang): string {
  if (view.bucket === 'open_overdue') return word(lang, 'daysLate', { n: view.daysLate ?? 0 });
  if (view.bucket === 'open_in_term' && view.due) {
    const left = Math.round((Date.parse(view.due) - Date.parse(today)) / 86_400_000);
    return left === 0 ? word(lang, 'dueToday') : word(lang, 'daysLeft', { n: left });
  }
  if (view.bucket === 'done_late') return `${BUCKET_LABELS.done_late[lang]} (${word(lang, 'daysLate', { n: view.daysLate ?? 0 })})`;
  return BUCKET_LABELS[view.bucket][lang];
}

export function plainLine(view: TaskView, today: string, lang: Lang): string {
  return [view.id, leadLabel(view, lang), dueLabel(view, lang), stateLabel(view, today, lang), view.source?.number ?? '', safe(view.text)].join('\t');
}
