/**
 * The audit trail, append-only on both engines and chained: every entry gets the hash of the one
 * before it (audit-chain.ts), the existing entries included, in order. SQLite also refuses
 * `INSERT OR REPLACE` / `REPLACE` over an existing entry (a trigger on INSERT that finds the id
 * taken); PostgreSQL refuses TRUNCATE by a trigger, and UPDATE, DELETE and TRUNCATE are revoked
 * from the role that runs the tool. Frozen.
 */
import { sql, type Kysely } from 'kysely';
import { chainHash, type ChainedFields } from '../audit-chain.js';
import type { Dialect } from '../dialect.js';

async function backfill(db: Kysely<any>, dialect: Dialect): Promise<void> {
  let previous = '';
  let after = -1;
  for (;;) {
    const rows = (await db
      .selectFrom('audit_event')
      .select(['id', 'at', 'actor', 'action', 'task_id', 'unit_id', 'detail'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(2000)
      .execute()) as (ChainedFields & { id: number })[];
    if (rows.length === 0) return;
    const hashes = rows.map((row) => ({ id: row.id, hash: (previous = chainHash(previous, row)) }));
    after = rows[rows.length - 1].id;
    if (dialect === 'postgres') {
      const values = sql.join(hashes.map((h) => sql`(${h.id}::integer, ${h.hash}::text)`));
      await sql`update audit_event as a set hash = v.hash from (values ${values}) as v(id, hash) where a.id = v.id`.execute(db);
    } else {
      for (const h of hashes) await db.updateTable('audit_event').set({ hash: h.hash }).where('id', '=', h.id).execute();
    }
  }
}

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('audit_event').addColumn('hash', 'text').execute();
  if (dialect === 'postgres') {
    await sql`alter table audit_event disable trigger audit_event_no_change`.execute(db);
    await backfill(db, dialect);
    await sql`alter table audit_event enable trigger audit_event_no_change`.execute(db);
    await sql`create trigger audit_event_no_truncate before truncate on audit_event for each statement execute function audit_event_append_only()`.execute(db);
    await sql`revoke update, delete, truncate on audit_event from current_user`.execute(db);
    return;
  }
  await sql`drop trigger audit_event_no_update`.execute(db);
  await backfill(db, dialect);
  await sql`create trigger audit_event_no_update before update on audit_event begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
  await sql`create trigger audit_event_no_replace before insert on audit_event when exists (select 1 from audit_event where id = new.id) begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
}
