/** The audit trail: append-only; nothing here updates or deletes an entry. */
import { chainHash, chainHead } from './audit-chain.js';
import type { AuditEntry, StoredAuditEntry } from '../domain/audit.js';
import type { Db } from './database.js';
import type { AuditEventTable } from './schema.js';
import type { Selectable } from 'kysely';

export type { AuditEntry, StoredAuditEntry };

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const row = {
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    task_id: entry.taskId,
    unit_id: entry.unitId,
    detail: JSON.stringify(entry.detail),
  };
  await db
    .insertInto('audit_event')
    .values({ ...row, hash: chainHash(await chainHead(db), row) })
    .execute();
}

/** A detail that is not JSON (a damaged or hand-edited row) is shown as damaged, not a crash. */
function detailOf(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Falls through.
  }
  return { damaged: true, raw: text.slice(0, 200) };
}

function entryOf(r: Selectable<AuditEventTable>): StoredAuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    taskId: r.task_id,
    unitId: r.unit_id,
    detail: detailOf(r.detail),
  };
}

export async function listAuditForTask(db: Db, taskId: number): Promise<StoredAuditEntry[]> {
  const rows = await db.selectFrom('audit_event').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
  return rows.map(entryOf);
}

export interface AuditFilter {
  /** Entries at or after this instant (an ISO timestamp, compared as text). */
  since: string | null;
  /** Entries about these units, or about tasks they lead. */
  unitIds: number[] | null;
}

/** The trail, oldest first, with the filters of `tasks log`. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<StoredAuditEntry[]> {
  let query = db.selectFrom('audit_event').selectAll('audit_event');
  if (filter.since !== null) query = query.where('audit_event.at', '>=', filter.since);
  const unitIds = filter.unitIds;
  if (unitIds !== null) {
    if (unitIds.length === 0) return [];
    query = query.where((eb) =>
      eb.or([
        eb('audit_event.unit_id', 'in', unitIds),
        eb('audit_event.task_id', 'in', eb.selectFrom('task').select('task.id').where('task.lead_unit_id', 'in', unitIds)),
      ]),
    );
  }
  const rows = await query.orderBy('audit_event.id').execute();
  return rows.map(entryOf);
}

/**
 * The newest entry's id: changes with every change to the tracker (every write is audited, and
 * writers take turns on the chain until they commit, so ids grow in commit order). The web page
 * keeps a unit's page until it moves.
 */
export async function latestAuditId(db: Db): Promise<number> {
  const row = await db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}
