/**
 * `tasks export --format json`: the task JSON of `tasks list --json`, with every extension and
 * the latest progress note; written page by page, the same text JSON.stringify(all, null, 2) gives.
 */
import type { ExportedTask } from '../../report-model/export.js';
import { taskJson } from '../task-json.js';

export function exportJson({ view, progress }: ExportedTask) {
  return {
    ...taskJson(view),
    extensions: view.extensions.map((e) => ({ from: e.from, to: e.to, reason: e.reason, on: e.grantedOn, by: e.by })),
    progress,
  };
}

/** The items of one page, indented as elements of the whole array; `first` says whether none came before. */
export function jsonItems(tasks: ExportedTask[], first: boolean): string {
  if (tasks.length === 0) return '';
  // The page as an array, less its brackets: the same text its items have inside the whole array.
  const page = JSON.stringify(tasks.map(exportJson), null, 2);
  return `${first ? '' : ',\n'}${page.slice(2, -2)}`;
}
