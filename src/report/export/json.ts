/**
 * `tasks export --format json`: the task JSON of `tasks list --json`, with every extension and
 * the latest progress note; written page by page, the same text JSON.stringify(all, null, 2) gives.
 */
import type { ExportedTask } from '../../app/export-tasks.js';
import { taskJson } from '../task-json.js';

export function exportJson({ view, progress }: ExportedTask) {
  return {
    ...taskJson(view),
    extensions: view.extensions.map((e) => ({ from: e.from, to: e.to, reason: e.reason, on: e.grantedOn, by: e.by })),
    progress,
  };
}

/** The items of one page, each indented as an element of the whole array; `first` says whether one came before. */
export function jsonItems(tasks: ExportedTask[], first: boolean): string {
  return tasks.map((task, i) => `${first && i === 0 ? '' : ',\n'}  ${JSON.stringify(exportJson(task), null, 2).replace(/\n/g, '\n  ')}`).join('');
}
