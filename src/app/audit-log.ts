/**
 * `tasks history ID` and `tasks log`: reading the audit trail. There is deliberately no use case
 * that changes or removes an entry.
 */
import { checkChain, type ChainCheck } from '../db/audit-chain.js';
import { listAudit, listAuditForTask, type StoredAuditEntry } from '../db/audit-repository.js';
import { findTaskById } from '../db/task-repository.js';
import { loadRegistry } from '../db/unit-repository.js';
import type { IsoDate } from '../domain/dates.js';
import { NotFoundError, t } from '../domain/errors.js';
import { findUnitOrGroup, resolveUnits } from '../domain/units.js';
import type { Context } from './context.js';

/** Every entry about one task; a task removed by `import --undo` keeps its history. */
export async function taskHistory(ctx: Context, id: number): Promise<StoredAuditEntry[]> {
  const entries = await listAuditForTask(ctx.db, id);
  if (entries.length === 0 && !(await findTaskById(ctx.db, id))) {
    throw new NotFoundError(t(`không có nhiệm vụ số ${id}`, `no task ${id}`), t('xem số nhiệm vụ bằng "tasks list"', 'find task numbers with "tasks list"'));
  }
  return entries;
}

export interface LogFilter {
  since: IsoDate | null;
  unit: string | null;
}

/** The start of a day in Vietnam (UTC+7) as the ISO instant audit timestamps are compared with. */
export function startOfVietnamDay(day: IsoDate): string {
  return new Date(`${day}T00:00:00+07:00`).toISOString();
}

export async function auditLog(ctx: Context, filter: LogFilter): Promise<StoredAuditEntry[]> {
  let unitIds: number[] | null = null;
  if (filter.unit !== null) {
    const registry = await loadRegistry(ctx.db);
    const found = findUnitOrGroup(registry, filter.unit);
    // A deactivated unit's past is still worth reading, so only an unknown name is refused.
    if (!found) resolveUnits(registry, filter.unit);
    else unitIds = found.kind === 'unit' ? [found.unit.id] : found.units.map((u) => u.id);
  }
  return listAudit(ctx.db, { since: filter.since === null ? null : startOfVietnamDay(filter.since), unitIds });
}

/** `tasks audit verify`: the whole trail's hash chain, and the first entry that breaks it. */
export function verifyAudit(ctx: Context): Promise<ChainCheck> {
  return checkChain(ctx.db);
}
