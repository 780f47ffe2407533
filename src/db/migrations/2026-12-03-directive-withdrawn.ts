/**
 * A directive a corrected conclusion no longer has (`tasks import --update`) is withdrawn, not
 * deleted: its tasks keep pointing at it, and the next comparison leaves it out.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('directive').addColumn('withdrawn_on', 'text').execute();
}
