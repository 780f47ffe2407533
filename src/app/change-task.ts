/**
 * The changes a unit head or the office makes to one task: progress, completion, extension,
 * cancellation, reopening and correction. Each runs in one transaction and writes an audit entry.
 */
import { findPendingRequest, insertRequest, pendingAlready, settleRequest, type ExtensionRequest } from '../db/extension-request-repository.js';
import { insertExtension, insertProgressNote, lockTask, setCoordinators, updateTask } from '../db/task-repository.js';
import { pausePoint } from '../db/pause-point.js';
import { stopSeries } from '../db/series-repository.js';
import { loadRegistry } from '../db/unit-repository.js';
import type { IsoDate } from '../domain/dates.js';
import { NotFoundError, ValidationError, t, type Text } from '../domain/errors.js';
import { checkTaskAction, isOffice } from '../domain/roles.js';
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
import { audit, inTransaction, type Context, type WriteAccess } from './context.js';
import { requireTask, requireView } from './load-tasks.js';

function required(value: string | undefined, what: Text): string {
  const text = cleanLine(value ?? '');
  if (!text) throw new ValidationError(t(`${what.vi} để trống`, `${what.en} is empty`));
  return text;
}

/** One change to one task, its row held until commit (two people on one task take turns). */
async function change(ctx: Context, id: number, work: (trx: Context) => Promise<void>, access: WriteAccess | Text = 'office'): Promise<TaskView> {
  await inTransaction(ctx, async (trx) => {
    await lockTask(trx.db, id);
    await work(trx);
  }, access);
  return requireView(ctx, id);
}

const PROGRESS = t('ghi tiến độ', 'record progress on');
const COMPLETE = t('đánh dấu hoàn thành', 'complete');
const EXTEND = t('đề nghị gia hạn', 'ask for an extension of');
const SETTLE = t('duyệt đề nghị gia hạn', 'settle extension requests');

export function recordProgress(ctx: Context, id: number, note: string): Promise<TaskView> {
  const text = required(note, t('nội dung báo cáo tiến độ', 'the progress note'));
  return change(ctx, id, async (trx) => {
    const task = await requireTask(trx, id);
    checkTaskAction(trx.acting, task, PROGRESS);
    checkProgress(task);
    const stamp = trx.now().toISOString();
    await insertProgressNote(trx.db, id, { on: trx.today, note: text, by: trx.actor }, stamp);
    await updateTask(trx.db, id, { updated_at: stamp });
    await audit(trx, 'task.progress', { taskId: id }, { note: text });
  }, 'task');
}

export interface Completion {
  on: IsoDate | null;
  evidence: string | null;
  note: string | null;
  /** A file of evidence kept beside the database (uploaded on the web page): its name and hash go in the audit entry. */
  attachment?: { file: string; sha256: string; bytes: number } | null;
}

export function completeTask(ctx: Context, id: number, input: Completion): Promise<TaskView> {
  const on = input.on ?? ctx.today;
  const evidence = input.evidence === null ? null : cleanLine(input.evidence) || null;
  const note = input.note === null ? null : cleanLine(input.note) || null;
  return change(ctx, id, async (trx) => {
    const task = await requireTask(trx, id);
    checkTaskAction(trx.acting, task, COMPLETE);
    checkCompletion(task, on, trx.today);
    await updateTask(trx.db, id, { completed_on: on, evidence, completion_note: note, updated_at: trx.now().toISOString() });
    await pausePoint('done:update');
    await audit(trx, 'task.done', { taskId: id }, { completedOn: on, evidence, note, ...(input.attachment ? { attachment: input.attachment } : {}) });
    await pausePoint('done:commit');
  }, 'task');
}

export interface ExtendResult {
  view: TaskView;
  /** The request now waiting for the office, when a unit head asked; null when it applied at once. */
  request: ExtensionRequest | null;
}

/**
 * An extension: the office's (and everyone's in single-user mode) applies at once; a unit
 * head's is recorded as a request for the office to settle with approveExtension or
 * rejectExtension.
 */
export async function extendTask(ctx: Context, id: number, to: IsoDate, reason: string): Promise<ExtendResult> {
  const why = required(reason, t('lý do gia hạn', 'the reason'));
  if (!isOffice(ctx.acting)) {
    const view = await change(ctx, id, async (trx) => {
      const task = await requireTask(trx, id);
      checkTaskAction(trx.acting, task, EXTEND);
      const from = checkExtension(task, to, trx.today);
      if (await findPendingRequest(trx.db, id)) throw pendingAlready(id);
      await insertRequest(trx.db, { taskId: id, from, to, reason: why, requestedOn: trx.today, requestedBy: trx.actor }, trx.now().toISOString());
      await audit(trx, 'task.extend-request', { taskId: id }, { from, to, reason: why });
    }, 'task');
    return { view, request: await findPendingRequest(ctx.db, id) };
  }
  const view = await change(ctx, id, async (trx) => {
    const from = checkExtension(await requireTask(trx, id), to, trx.today);
    await applyExtension(trx, id, { from, to, reason: why });
    await audit(trx, 'task.extend', { taskId: id }, { from, to, reason: why });
  });
  return { view, request: null };
}

async function applyExtension(trx: Context, id: number, e: { from: IsoDate; to: IsoDate; reason: string }): Promise<void> {
  const stamp = trx.now().toISOString();
  await insertExtension(trx.db, id, { from: e.from, to: e.to, reason: e.reason, grantedOn: trx.today, by: trx.actor }, stamp);
  await updateTask(trx.db, id, { due_on: e.to, last_extended_on: trx.today, updated_at: stamp });
}

async function requirePending(trx: Context, id: number): Promise<ExtensionRequest> {
  const request = await findPendingRequest(trx.db, id);
  if (!request) {
    throw new NotFoundError(
      t(`nhiệm vụ #${id} không có đề nghị gia hạn nào đang chờ duyệt`, `task #${id} has no extension request waiting`),
      t(`xem bằng "tasks show ${id}"`, `see it with "tasks show ${id}"`),
    );
  }
  return request;
}

/** The office grants a head's request: the extension applies from the as-of day, as if granted then. */
export function approveExtension(ctx: Context, id: number): Promise<ExtendResult> {
  return change(ctx, id, async (trx) => {
    const task = await requireTask(trx, id);
    const request = await requirePending(trx, id);
    const from = checkExtension(task, request.to, trx.today);
    await applyExtension(trx, id, { from, to: request.to, reason: request.reason });
    await settleRequest(trx.db, request.id, { status: 'approved', on: trx.today, by: trx.actor, note: null });
    await audit(trx, 'task.extend-approve', { taskId: id }, { from, to: request.to, reason: request.reason, requestedBy: request.requestedBy, requestedOn: request.requestedOn });
  }, SETTLE).then((view) => ({ view, request: null }));
}

export function rejectExtension(ctx: Context, id: number, note: string | null): Promise<ExtendResult> {
  const why = note === null ? null : cleanLine(note) || null;
  return change(ctx, id, async (trx) => {
    await requireTask(trx, id);
    const request = await requirePending(trx, id);
    await settleRequest(trx.db, request.id, { status: 'rejected', on: trx.today, by: trx.actor, note: why });
    await audit(trx, 'task.extend-reject', { taskId: id }, { to: request.to, reason: request.reason, requestedBy: request.requestedBy, note: why });
  }, SETTLE).then((view) => ({ view, request: null }));
}

export function cancelTask(ctx: Context, id: number, reason: string, stopRecurrence: boolean): Promise<TaskView> {
  const why = required(reason, t('lý do dừng thực hiện', 'the reason'));
  return change(ctx, id, async (trx) => {
    const task = await requireTask(trx, id);
    checkCancel(task);
    await updateTask(trx.db, id, { cancelled_on: trx.today, cancel_reason: why, updated_at: trx.now().toISOString() });
    if (stopRecurrence && task.series) await stopSeries(trx.db, task.series.id, trx.today);
    await audit(trx, 'task.cancel', { taskId: id }, { reason: why, seriesStopped: stopRecurrence && task.series !== null });
  }, t('dừng thực hiện nhiệm vụ', 'cancel tasks'));
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
  }, t('mở lại nhiệm vụ', 'reopen tasks'));
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
  }, t('sửa nhiệm vụ', 'edit tasks'));
}
