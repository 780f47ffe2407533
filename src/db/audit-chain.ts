/**
 * The audit trail as a hash chain: each entry carries the sha256 of the one before it and of its
 * own fields, so an entry changed, removed or slipped in afterwards (by anyone with the file or a
 * database login) breaks the chain at that point, and `tasks audit verify` names it.
 */
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import type { Db } from './database.js';
import type { AuditEventTable } from './schema.js';
import { lockRule } from './locks.js';

// node:crypto when an entry is first hashed: the migration list imports this file, so every
// command would load it (fourteen modules) although reading ones never hash.
let crypto: typeof import('node:crypto') | undefined;

/** The fields an entry's hash covers: all of its row but the id and the hash itself. */
export type ChainedFields = Omit<AuditEventTable, 'id' | 'hash'>;

/** The hash of an entry after the one whose hash is `previous` ('' for the first). */
export function chainHash(previous: string, row: ChainedFields): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([previous, row.at, row.actor, row.action, row.task_id, row.unit_id, row.detail]))
    .digest('hex');
}

/**
 * Inside a write transaction: the hash of the newest entry, the link the next one continues. On
 * PostgreSQL writers take turns from here to their commit, so two never continue the same link.
 */
export async function chainHead(db: Db): Promise<string> {
  await lockRule(db, 'audit');
  const row = await sql<{ hash: string | null }>`select hash from audit_event order by id desc limit 1`.execute(db);
  return row.rows[0]?.hash ?? '';
}

export interface ChainCheck {
  entries: number;
  /** The newest entry's hash (the chain head), '' for an empty trail. */
  head: string;
  /** The first entry whose hash does not follow from the one before, or null when all do. */
  broken: { id: number; at: string; action: string } | null;
}

/** Walks the whole trail oldest first, a page at a time. */
export async function checkChain(db: Db): Promise<ChainCheck> {
  let previous = '';
  let entries = 0;
  let after = -1;
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .select(['id', 'at', 'actor', 'action', 'task_id', 'unit_id', 'detail', 'hash'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (rows.length === 0) return { entries, head: previous, broken: null };
    for (const row of rows) {
      const expected = chainHash(previous, row);
      if (row.hash !== expected) return { entries, head: previous, broken: { id: row.id, at: row.at, action: row.action } };
      previous = expected;
      entries += 1;
      after = row.id;
    }
  }
}
