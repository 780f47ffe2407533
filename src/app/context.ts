/**
 * What every use case receives: the database (or the open transaction), the "as of" day, who is
 * acting, and the real clock for audit timestamps.
 */
import type { Db } from '../db/connect.js';
import { recordAudit } from '../db/audit-repository.js';
import type { IsoDate } from '../domain/dates.js';
import { t, type Text } from '../domain/errors.js';
import { checkOffice, type Acting } from '../domain/roles.js';

export interface Context {
  db: Db;
  /** The as-of day: stands for "today" in every respect but audit timestamps. */
  today: IsoDate;
  /** The login of whoever runs the command (TASKS_USER, else the operating system's user). */
  actor: string;
  /** Their registered person and role; null while nobody is registered (single-user mode). */
  acting: Acting;
  now: () => Date;
  /** Where the change came from when not the terminal: 'web' for the web page (`tasks serve`). */
  channel?: 'web';
}

/**
 * Who may write in a transaction: 'office' (the default, so a new use case is closed to heads and
 * viewers unless it says otherwise), 'task' (the caller checks checkTaskAction on the task it
 * loads: progress, completion, extension requests) or 'system' (bookkeeping every command does,
 * such as creating the occurrences of recurring tasks).
 */
export type WriteAccess = 'office' | 'task' | 'system';

/** Runs `work` in one write transaction; a thrown error leaves the database as it was. */
export function inTransaction<T>(ctx: Context, work: (trx: Context) => Promise<T>, access: WriteAccess | Text = 'office'): Promise<T> {
  // A Text is 'office' with the words that name the action in the refusal.
  if (typeof access === 'object') checkOffice(ctx.acting, access);
  else if (access === 'office') checkOffice(ctx.acting, t('thay đổi dữ liệu', 'change the data'));
  return ctx.db.transaction().execute((db) => work({ ...ctx, db }));
}

export function audit(
  ctx: Context,
  action: string,
  target: { taskId?: number; unitId?: number },
  detail: Record<string, unknown>,
): Promise<void> {
  return recordAudit(ctx.db, {
    at: ctx.now().toISOString(),
    actor: ctx.actor,
    action,
    taskId: target.taskId ?? null,
    unitId: target.unitId ?? null,
    detail: { ...detail, asOf: ctx.today, ...(ctx.channel ? { channel: ctx.channel } : {}) },
  });
}
