/**
 * A reminder is recorded as handed over ("sending") with its Message-ID before it goes to the mail
 * server, so a run that dies, or loses the server's reply, leaves a row that says "perhaps sent"
 * and the id a resend must reuse, and which run made the attempt. Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reminder').addColumn('message_id', 'text').execute();
  // Which run holds a "sending" row (host:pid), so another run can tell a live send from a dead one.
  await db.schema.alterTable('reminder').addColumn('claimed_by', 'text').execute();
}
