/**
 * `tasks import FILE --update`: a corrected conclusion with the number of one imported before.
 * The directives of the new document are compared with the stored ones (domain/directive-diff);
 * new ones get their tasks, changed ones are corrected in place so their tasks keep their
 * history (progress notes, completion, extensions), and the open tasks of directives the new
 * document no longer has are cancelled with a reason, never deleted.
 */
import {
  listDirectives,
  listDirectiveSeries,
  listDirectiveTasks,
  setSourceHash,
  updateDirective,
  updateSeriesText,
  withdrawDirective,
  type DirectiveSeries,
  type DirectiveTask,
  type StoredDirective,
} from '../db/directive-repository.js';
import { insertDirective } from '../db/import-repository.js';
import { stopSeries } from '../db/series-repository.js';
import { updateTask } from '../db/task-repository.js';
import { diffDirectives } from '../domain/directive-diff.js';
import type { IsoDate } from '../domain/dates.js';
import { fold } from '../domain/text.js';
import type { Unit } from '../domain/units.js';
import { audit, inTransaction, type Context } from './context.js';
import { importDays, ownersOf, writeDirectiveTasks, type ImportPlan } from './import-conclusion.js';
import type { PlannedDirective } from '../report-model/import-plan.js';
import type { ChangedDirective, RemovedDirective, UpdatePlan } from '../report-model/import-update.js';




export function hasChanges(update: UpdatePlan): boolean {
  return update.added.length + update.changed.length + update.removed.length > 0;
}

const isOpen = (t: DirectiveTask) => t.completedOn === null && t.cancelledOn === null;

function leadIdsOf(tasks: DirectiveTask[], series: DirectiveSeries[]): Set<number> {
  const ids = new Set<number>();
  for (const t of tasks) if (t.leadUnitId !== null && t.cancelledOn === null) ids.add(t.leadUnitId);
  for (const s of series) if (s.stoppedOn === null) ids.add(s.leadUnitId);
  return ids;
}

/** Reads what is stored for the source and compares it with the corrected document. */
export async function planUpdate(ctx: Context, plan: ImportPlan, directives: PlannedDirective[]): Promise<UpdatePlan> {
  const sourceId = plan.existing!.id;
  const stored = await listDirectives(ctx.db, sourceId);
  const ids = stored.map((d) => d.id);
  const [tasks, series] = await Promise.all([listDirectiveTasks(ctx.db, ids), listDirectiveSeries(ctx.db, ids)]);
  const diff = diffDirectives(stored, directives.filter((d) => !d.skipped));
  const changed = diff.changed.map(({ stored: s, incoming: now }): ChangedDirective => {
    const mine = tasks.filter((t) => t.directiveId === s.id);
    const mySeries = series.filter((x) => x.directiveId === s.id);
    const before = leadIdsOf(mine, mySeries);
    const after = new Set(now.lead.map((u) => u.id));
    const redated = now.schedule === 'once' && now.due !== null
      ? mine.filter((t) => isOpen(t) && t.seriesId === null && t.due === t.originalDue && t.originalDue !== now.due && (t.leadUnitId === null || after.has(t.leadUnitId))).map((t) => ({ taskId: t.id, from: t.originalDue, to: now.due! }))
      : [];
    return {
      stored: s,
      now,
      redated,
      newLeads: now.lead.filter((u) => !before.has(u.id)),
      droppedTaskIds: mine.filter((t) => isOpen(t) && t.leadUnitId !== null && !after.has(t.leadUnitId)).map((t) => t.id),
      droppedSeriesIds: mySeries.filter((x) => x.stoppedOn === null && !after.has(x.leadUnitId)).map((x) => x.id),
    };
  });
  const removed = diff.removed.map((s): RemovedDirective => ({
    stored: s,
    openTaskIds: tasks.filter((t) => t.directiveId === s.id && isOpen(t)).map((t) => t.id),
    seriesIds: series.filter((x) => x.directiveId === s.id && x.stoppedOn === null).map((x) => x.id),
  }));
  return { sourceId, added: diff.added, changed, removed, unchanged: diff.unchanged.length };
}

export interface UpdateResult {
  sourceId: number;
  addedTaskIds: number[];
  changedTaskIds: number[];
  cancelledTaskIds: number[];
}

/** Applies the plan in one transaction: all of it, or nothing. */
export async function applyUpdate(ctx: Context, plan: ImportPlan, update: UpdatePlan): Promise<UpdateResult> {
  const meta = plan.proposal.source;
  const ref = meta.number ?? `#${update.sourceId}`;
  return inTransaction(ctx, async (trx) => {
    const { sourceId } = update;
    const days = importDays(meta, trx.today);
    const stamp = trx.now().toISOString();
    const result: UpdateResult = { sourceId, addedTaskIds: [], changedTaskIds: [], cancelledTaskIds: [] };
    const cancel = async (taskId: number, reason: string) => {
      await updateTask(trx.db, taskId, { cancelled_on: trx.today, cancel_reason: reason, updated_at: stamp });
      await audit(trx, 'task.cancel', { taskId }, { reason, seriesStopped: false, import: sourceId });
      result.cancelledTaskIds.push(taskId);
    };
    for (const d of update.added) {
      const directiveId = await insertDirective(trx.db, sourceId, d.ordinal, d.text);
      result.addedTaskIds.push(...(await writeDirectiveTasks(trx, { sourceId, directiveId, ...days, stamp }, d, ownersOf(d))));
    }
    const ids = update.changed.map((c) => c.stored.id);
    const [tasks, series] = await Promise.all([listDirectiveTasks(trx.db, ids), listDirectiveSeries(trx.db, ids)]);
    for (const c of update.changed) {
      const { stored: s, now } = c;
      await updateDirective(trx.db, s.id, now.ordinal, now.text);
      const redated = new Map(c.redated.map((r) => [r.taskId, r]));
      for (const task of tasks.filter((t) => t.directiveId === s.id && t.cancelledOn === null)) {
        // A text corrected by hand (tasks edit --text) stays the office's.
        const retext = task.text === s.text && task.text !== now.text;
        const redate = redated.get(task.id);
        if (!retext && !redate) continue;
        const before: Record<string, unknown> = {};
        const after: Record<string, unknown> = {};
        if (retext) {
          await updateTask(trx.db, task.id, { text: now.text, text_folded: fold(now.text) });
          Object.assign(before, { text: task.text });
          Object.assign(after, { text: now.text });
        }
        if (redate) {
          await updateTask(trx.db, task.id, { original_due_on: redate.to, due_on: redate.to });
          Object.assign(before, { due: redate.from });
          Object.assign(after, { due: redate.to });
        }
        await updateTask(trx.db, task.id, { updated_at: stamp });
        await audit(trx, 'task.edit', { taskId: task.id }, { before, after, import: sourceId, ordinal: now.ordinal });
        result.changedTaskIds.push(task.id);
      }
      for (const x of series.filter((x) => x.directiveId === s.id && x.text === s.text && x.text !== now.text)) await updateSeriesText(trx.db, x.id, now.text);
      for (const taskId of c.droppedTaskIds) await cancel(taskId, `Văn bản ${ref} đã sửa không còn giao mục ${now.ordinal} cho đơn vị này`);
      for (const id of c.droppedSeriesIds) await stopSeries(trx.db, id, trx.today);
      if (c.newLeads.length) result.addedTaskIds.push(...(await writeDirectiveTasks(trx, { sourceId, directiveId: s.id, ...days, stamp }, now, c.newLeads)));
    }
    for (const r of update.removed) {
      await withdrawDirective(trx.db, r.stored.id, trx.today);
      for (const taskId of r.openTaskIds) await cancel(taskId, `Văn bản ${ref} đã sửa không còn mục ${r.stored.ordinal ?? ''}`.trimEnd());
      for (const id of r.seriesIds) await stopSeries(trx.db, id, trx.today);
    }
    await setSourceHash(trx.db, sourceId, plan.proposal.contentHash);
    await audit(trx, 'source.update-import', {}, {
      source: sourceId,
      number: meta.number,
      added: update.added.map((d) => d.ordinal),
      changed: update.changed.map((c) => ({ ordinal: c.now.ordinal, was: c.stored.ordinal, before: c.stored.text, after: c.now.text })),
      removed: update.removed.map((r) => r.stored.ordinal),
      tasksAdded: result.addedTaskIds,
      tasksChanged: result.changedTaskIds,
      tasksCancelled: result.cancelledTaskIds,
    });
    return result;
  });
}
