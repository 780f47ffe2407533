/**
 * What every use case receives: the database (or the open transaction), the "as of" day, who is
 * acting, and the real clock for audit timestamps.
 */
import type { Db } from '../db/connect.js';
import { recordAudit } from '../db/audit-repository.js';
import type { IsoDate } from '../domain/dates.js';
import type { Acting } from '../domain/roles.js';

export interface Context {
  db: Db;
  /** The as-of day: stands for "today" in every respect but audit timestamps. */
  today: IsoDate;
  /** The login of whoever runs the command (TASKS_USER, else the operating system's user). */
  actor: string;
  /** Their registered person and role; null while nobody is registered (single-user mode). */
  acting: Acting;
  now: () => Date;
}

/** Runs `work` in one write transaction; a thrown error leaves the database as it was. */
export function inTransaction<T>(ctx: Context, work: (trx: Context) => Promise<T>): Promise<T> {
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
    detail: { ...detail, asOf: ctx.today },
  });
}
