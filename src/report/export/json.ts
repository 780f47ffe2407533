/** `tasks export --format json`: the task JSON of `tasks list --json`, with every extension and the latest progress note. */
import type { ExportedTask } from '../../app/export-tasks.js';
import { taskJson } from '../task-json.js';

export function exportJson(tasks: ExportedTask[]) {
  return tasks.map(({ view, progress }) => ({
    ...taskJson(view),
    extensions: view.extensions.map((e) => ({ from: e.from, to: e.to, reason: e.reason, on: e.grantedOn, by: e.by })),
    progress,
  }));
}
