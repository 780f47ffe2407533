/** `tasks list`: every task, or those matching the filters. */
import type { IsoDate } from '../domain/dates.js';
import type { Bucket } from '../domain/status.js';
import type { TaskView } from '../domain/task.js';
import { fold } from '../domain/text.js';
import type { Context } from './context.js';
import { leadUnitIdsFor } from './due-view.js';
import { loadViews } from './load-tasks.js';

export interface ListInput {
  unit: string | null;
  buckets: Bucket[] | null;
  source: string | null;
  dueBefore: IsoDate | null;
  dueAfter: IsoDate | null;
  search: string | null;
}

export async function listTaskViews(ctx: Context, input: ListInput): Promise<TaskView[]> {
  const words = input.search === null ? undefined : fold(input.search).split(' ').filter(Boolean);
  const views = await loadViews(ctx, {
    leadUnitIds: await leadUnitIdsFor(ctx, input.unit),
    sourceNumber: input.source ?? undefined,
    searchWords: words,
  });
  return views.filter(
    (v) =>
      (input.buckets === null || input.buckets.includes(v.bucket)) &&
      (input.dueBefore === null || (v.due !== null && v.due <= input.dueBefore)) &&
      (input.dueAfter === null || (v.due !== null && v.due >= input.dueAfter)),
  );
}
