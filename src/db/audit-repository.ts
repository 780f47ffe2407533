/** The audit trail: append-only; nothing here updates or deletes an entry. */
import type { Db } from './connect.js';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  taskId: number | null;
  unitId: number | null;
  detail: Record<string, unknown>;
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      task_id: entry.taskId,
      unit_id: entry.unitId,
      detail: JSON.stringify(entry.detail),
    })
    .execute();
}

export async function listAuditForTask(db: Db, taskId: number): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_event').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor,
    action: r.action,
    taskId: r.task_id,
    unitId: r.unit_id,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
