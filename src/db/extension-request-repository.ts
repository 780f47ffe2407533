/** A unit head's extension requests: pending until an office user approves or rejects them. */
import type { IsoDate } from '../domain/dates.js';
import { ConflictError, t } from '../domain/errors.js';
import type { Db } from './database.js';

export interface ExtensionRequest {
  id: number;
  taskId: number;
  from: IsoDate | null;
  to: IsoDate;
  reason: string;
  requestedOn: IsoDate;
  requestedBy: string;
  status: 'pending' | 'approved' | 'rejected';
}

function toRequest(r: { id: number; task_id: number; from_on: string | null; to_on: string; reason: string; requested_on: string; requested_by: string }): ExtensionRequest {
  return { id: r.id, taskId: r.task_id, from: r.from_on, to: r.to_on, reason: r.reason, requestedOn: r.requested_on, requestedBy: r.requested_by, status: 'pending' };
}

/** Every request still waiting for the office, oldest first; or those of these tasks. */
export async function listPendingRequests(db: Db, taskIds?: number[]): Promise<ExtensionRequest[]> {
  let q = db.selectFrom('extension_request').selectAll().where('status', '=', 'pending');
  if (taskIds) q = q.where('task_id', 'in', taskIds.length ? taskIds : [-1]);
  return (await q.orderBy('id').execute()).map(toRequest);
}

export async function findPendingRequest(db: Db, taskId: number): Promise<ExtensionRequest | null> {
  const r = await db.selectFrom('extension_request').selectAll().where('task_id', '=', taskId).where('status', '=', 'pending').executeTakeFirst();
  if (!r) return null;
  return { id: r.id, taskId: r.task_id, from: r.from_on, to: r.to_on, reason: r.reason, requestedOn: r.requested_on, requestedBy: r.requested_by, status: 'pending' };
}

export async function insertRequest(db: Db, request: Omit<ExtensionRequest, 'id' | 'status'>, createdAt: string): Promise<number> {
  try {
    const { id } = await db
      .insertInto('extension_request')
      .values({
        task_id: request.taskId,
        from_on: request.from,
        to_on: request.to,
        reason: request.reason,
        requested_on: request.requestedOn,
        requested_by: request.requestedBy,
        status: 'pending',
        created_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (error) {
    // extension_request_pending: another request for this task got in first.
    const code = String((error as { code?: unknown }).code ?? '');
    if (code !== '23505' && code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
    throw pendingAlready(request.taskId);
  }
}

export function pendingAlready(taskId: number): ConflictError {
  return new ConflictError(
    t(`nhiệm vụ #${taskId} đã có một đề nghị gia hạn đang chờ văn phòng duyệt`, `task #${taskId} already has an extension request waiting for the office`),
    t(`xem bằng "tasks show ${taskId}"`, `see it with "tasks show ${taskId}"`),
  );
}

export async function settleRequest(db: Db, id: number, outcome: { status: 'approved' | 'rejected'; on: IsoDate; by: string; note: string | null }): Promise<boolean> {
  const result = await db
    .updateTable('extension_request')
    .set({ status: outcome.status, settled_on: outcome.on, settled_by: outcome.by, settle_note: outcome.note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
