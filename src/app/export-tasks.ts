/**
 * `tasks export`: every task (or a unit's, or some buckets') as it stood at the end of the
 * as-of day, with its latest progress note: what a spreadsheet needs to rebuild the tracker,
 * and what the calendar feed shows. Read in pages of ids, so a tracker of 100 000 tasks is
 * written out as it is read instead of held whole.
 */
import { databaseIdentity, latestProgressNotes, loadExportLookups, maxTaskId, pageTasksForExport, type LatestNote } from '../db/export-repository.js';
import { loadRegistry } from '../db/unit-repository.js';
import type { Bucket } from '../domain/status.js';
import { viewAsOf, type TaskView } from '../domain/task.js';
import { resolveUnits } from '../domain/units.js';
import type { Context } from './context.js';
import type { ExportedTask } from '../report-model/export.js';

export interface ExportInput {
  unit: string | null;
  buckets: Bucket[] | null;
}


export interface TaskExport {
  /** Pages of tasks in id order. */
  pages: AsyncIterable<ExportedTask[]>;
  /** Stable across copies of the database: the calendar's UIDs carry it. */
  databaseId: string;
}

const PAGE = 5000;

export async function exportTasks(ctx: Context, input: ExportInput): Promise<TaskExport> {
  // Checked before anything is written, so a mistyped unit leaves no half-written file.
  const leadUnitIds = input.unit === null ? undefined : resolveUnits(await loadRegistry(ctx.db), input.unit).map((u) => u.id);
  const [last, databaseId, lookups] = await Promise.all([maxTaskId(ctx.db), databaseIdentity(ctx.db), loadExportLookups(ctx.db)]);
  async function* pages(): AsyncGenerator<ExportedTask[]> {
    for (let after = 0; after < last; after += PAGE) {
      const idRange = { after, upTo: after + PAGE };
      const [tasks, notes] = await Promise.all([
        pageTasksForExport(ctx.db, lookups, { asOf: ctx.today, leadUnitIds, range: idRange }),
        latestProgressNotes(ctx.db, ctx.today, idRange),
      ]);
      const page: ExportedTask[] = [];
      for (const task of tasks) {
        const view = viewAsOf(task, ctx.today);
        if (input.buckets === null || input.buckets.includes(view.bucket)) page.push({ view, progress: notes.get(view.id) ?? null });
      }
      if (page.length) yield page;
    }
  }
  return { pages: pages(), databaseId };
}
