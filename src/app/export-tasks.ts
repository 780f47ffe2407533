/**
 * `tasks export`: every task (or a unit's, or some buckets') as it stood at the end of the
 * as-of day, with its latest progress note: what a spreadsheet needs to rebuild the tracker,
 * and what the calendar feed shows.
 */
import { databaseIdentity, latestProgressNotes, type LatestNote } from '../db/export-repository.js';
import type { Bucket } from '../domain/status.js';
import type { TaskView } from '../domain/task.js';
import type { Context } from './context.js';
import { listTaskViews } from './list-tasks.js';

export interface ExportInput {
  unit: string | null;
  buckets: Bucket[] | null;
}

export interface ExportedTask {
  view: TaskView;
  progress: LatestNote | null;
}

export interface TaskExport {
  tasks: ExportedTask[];
  /** Stable across copies of the database: the calendar's UIDs carry it. */
  databaseId: string;
}

export async function exportTasks(ctx: Context, input: ExportInput): Promise<TaskExport> {
  const views = await listTaskViews(ctx, { unit: input.unit, buckets: input.buckets, source: null, dueBefore: null, dueAfter: null, search: null });
  const [notes, databaseId] = await Promise.all([latestProgressNotes(ctx.db, ctx.today), databaseIdentity(ctx.db)]);
  return { tasks: views.map((view) => ({ view, progress: notes.get(view.id) ?? null })), databaseId };
}
