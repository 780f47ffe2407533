/** One task of `tasks export` as the CSV, XLSX, JSON and calendar writers receive it. */
import type { LatestNote } from '../db/export-repository.js';
import type { TaskView } from '../domain/task.js';

export interface ExportedTask {
  view: TaskView;
  progress: LatestNote | null;
}
