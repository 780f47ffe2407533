/**
 * The audit trail is append-only in the database itself, not only in the CLI: an UPDATE or
 * DELETE on audit_event is refused by a trigger, whoever runs it.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`create function audit_event_append_only() returns trigger language plpgsql as $$ begin raise exception 'audit_event is append-only'; end $$`.execute(db);
    await sql`create trigger audit_event_no_change before update or delete on audit_event for each row execute function audit_event_append_only()`.execute(db);
    return;
  }
  await sql`create trigger audit_event_no_update before update on audit_event begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
  await sql`create trigger audit_event_no_delete before delete on audit_event begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
}
