/**
 * The changes a unit head or the office makes to one task: progress, completion, extension,
 * cancellation, reopening and correction. Each runs in one transaction and writes an audit entry.
 */
import { insertExtension, insertProgressNote, setCoordinators, updateTask } from '../db/task-repository.js';
import { pausePoint } from '../db/pause-point.js';
import { stopSeries } from '../db/series-repository.js';
import { loadRegistry } from '../db/unit-repository.js';
import type { IsoDate } from '../domain/dates.js';
import { ValidationError, t, type Text } from '../domain/errors.js';
import type { TaskView } from '../domain/task.js';
import { cleanLine, fold } from '../domain/text.js';
import {
  checkCancel,
  checkCompletion,
  checkDueCorrection,
  checkEdit,
  checkExtension,
  checkProgress,
  checkReopen,
} from '../domain/transitions.js';
import { resolveOneUnit } from '../domain/units.js';
import { coordinatingUnits } from './add-task.js';
import { audit, inTransaction, type Context } from './context.js';
import { requireTask, requireView } from './load-tasks.js';

function required(value: string | undefined, what: Text): string {
  const text = cleanLine(value ?? '');
  if (!text) throw new ValidationError(t(`${what.vi} để trống`, `${what.en} is empty`));
  return text;
}

async function change(ctx: Context, id: number, work: (trx: Context) => Promise<void>): Promise<TaskView> {
  await inTransaction(ctx, work);
  return requireView(ctx, id);
}

export function recordProgress(ctx: Context, id: number, note: string): Promise<TaskView> {
  const text = required(note, t('nội dung báo cáo tiến độ', 'the progress note'));
  return change(ctx, id, async (trx) => {
    checkProgress(await requireTask(trx, id));
    const stamp = trx.now().toISOString();
    await insertProgressNote(trx.db, id, { on: trx.today, note: text, by: trx.actor }, stamp);
    await updateTask(trx.db, id, { updated_at: stamp });
    await audit(trx, 'task.progress', { taskId: id }, { note: text });
  });
}

export interface Completion {
  on: IsoDate | null;
  evidence: string | null;
  note: string | null;
}

export function completeTask(ctx: Context, id: number, input: Completion): Promise<TaskView> {
  const on = input.on ?? ctx.today;
  const evidence = input.evidence === null ? null : cleanLine(input.evidence) || null;
  const note = input.note === null ? null : cleanLine(input.note) || null;
  return change(ctx, id, async (trx) => {
    checkCompletion(await requireTask(trx, id), on, trx.today);
    await updateTask(trx.db, id, { completed_on: on, evidence, completion_note: note, updated_at: trx.now().toISOString() });
    await pausePoint('done:update');
    await audit(trx, 'task.done', { taskId: id }, { completedOn: on, evidence, note });
    await pausePoint('done:commit');
  });
}

export function extendTask(ctx: Context, id: number, to: IsoDate, reason: string): Promise<TaskView> {
  const why = required(reason, t('lý do gia hạn', 'the reason'));
  return change(ctx, id, async (trx) => {
    const from = checkExtension(await requireTask(trx, id), to, trx.today);
    const stamp = trx.now().toISOString();
    await insertExtension(trx.db, id, { from, to, reason: why, grantedOn: trx.today, by: trx.actor }, stamp);
    await updateTask(trx.db, id, { due_on: to, last_extended_on: trx.today, updated_at: stamp });
    await audit(trx, 'task.extend', { taskId: id }, { from, to, reason: why });
  });
}

export function cancelTask(ctx: Context, id: number, reason: string, stopRecurrence: boolean): Promise<TaskView> {
  const why = required(reason, t('lý do dừng thực hiện', 'the reason'));
  return change(ctx, id, async (trx) => {
    const task = await requireTask(trx, id);
    checkCancel(task);
    await updateTask(trx.db, id, { cancelled_on: trx.today, cancel_reason: why, updated_at: trx.now().toISOString() });
    if (stopRecurrence && task.series) await stopSeries(trx.db, task.series.id, trx.today);
    await audit(trx, 'task.cancel', { taskId: id }, { reason: why, seriesStopped: stopRecurrence && task.series !== null });
  });
}

export function reopenTask(ctx: Context, id: number): Promise<TaskView> {
  return change(ctx, id, async (trx) => {
    const task = await requireTask(trx, id);
    checkReopen(task);
    await updateTask(trx.db, id, {
      completed_on: null,
      evidence: null,
      completion_note: null,
      cancelled_on: null,
      cancel_reason: null,
      updated_at: trx.now().toISOString(),
    });
    await audit(trx, 'task.reopen', { taskId: id }, {
      was: task.cancelledOn !== null ? { cancelledOn: task.cancelledOn, reason: task.cancelReason } : { completedOn: task.completedOn, evidence: task.evidence },
    });
  });
}

export interface TaskEdit {
  text?: string;
  unit?: string;
  coordinating?: string[];
  due?: IsoDate;
  ongoing?: boolean;
}

export function editTask(ctx: Context, id: number, edit: TaskEdit): Promise<TaskView> {
  if (Object.values(edit).every((v) => v === undefined)) {
    throw new ValidationError(t('không có gì để sửa', 'nothing to change'), t('nêu ít nhất một trong --text, --unit, --coord, --due, --ongoing', 'give at least one of --text, --unit, --coord, --due, --ongoing'));
  }
  return change(ctx, id, async (trx) => {
    const task = await requireTask(trx, id);
    checkEdit(task);
    const registry = await loadRegistry(trx.db);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const stamp = trx.now().toISOString();
    if (edit.text !== undefined) {
      const text = required(edit.text, t('nội dung nhiệm vụ', 'the task text'));
      await updateTask(trx.db, id, { text, text_folded: fold(text) });
      Object.assign(before, { text: task.text });
      Object.assign(after, { text });
    }
    if (edit.unit !== undefined) {
      const lead = resolveOneUnit(registry, edit.unit);
      await updateTask(trx.db, id, { lead_unit_id: lead.id, owner_text: null });
      Object.assign(before, { lead: task.lead?.code ?? null });
      Object.assign(after, { lead: lead.code });
    }
    if (edit.coordinating !== undefined) {
      const leadCode = edit.unit !== undefined ? resolveOneUnit(registry, edit.unit).code : task.lead?.code;
      const units = coordinatingUnits(registry, edit.coordinating).filter((u) => u.code !== leadCode);
      await setCoordinators(trx.db, id, units.map((u) => u.id));
      Object.assign(before, { coordinating: task.coordinating.map((u) => u.code) });
      Object.assign(after, { coordinating: units.map((u) => u.code) });
    }
    if (edit.due !== undefined) {
      checkDueCorrection(task);
      if (edit.due < task.assignedOn) {
        throw new ValidationError(t(`hạn xử lý trước ngày giao ${task.assignedOn}`, `due date before the assignment date ${task.assignedOn}`));
      }
      await updateTask(trx.db, id, { original_due_on: edit.due, due_on: edit.due, ongoing: 0 });
      Object.assign(before, { due: task.originalDue, ongoing: task.ongoing });
      Object.assign(after, { due: edit.due, ongoing: false });
    } else if (edit.ongoing) {
      checkDueCorrection(task);
      await updateTask(trx.db, id, { original_due_on: null, due_on: null, ongoing: 1 });
      Object.assign(before, { due: task.originalDue, ongoing: task.ongoing });
      Object.assign(after, { due: null, ongoing: true });
    }
    await updateTask(trx.db, id, { updated_at: stamp });
    await audit(trx, 'task.edit', { taskId: id }, { before, after });
  });
}
