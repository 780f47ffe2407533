/**
 * Rules that read before they write (the first user, an import seen before) hold only when no
 * other writer can act between the read and the write. On SQLite every write transaction begins
 * IMMEDIATE, which already makes writers take turns; on PostgreSQL, whose transactions run side by
 * side, a transaction-scoped advisory lock of the rule's name does it, released at commit or
 * rollback.
 */
import { sql } from 'kysely';
import type { Db } from './database.js';
import { dialectOf } from './dialect.js';

/** Inside a write transaction: waits until no other transaction holds the lock of `name`. */
export async function lockRule(db: Db, name: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext(${`tasks:${name}`}))`.execute(db);
}
