/**
 * The daily view's open tasks from a small index. A mature tracker is nearly all done or
 * cancelled; a partial index over the tasks neither completed nor cancelled holds only the
 * working set, with every column the daily view tests, so `tasks due` reads that index and the
 * rows it shows, however many tasks the tracker has ever held. Both databases. Frozen.
 *
 * The predicate is one expression, `coalesce(completed_on, cancelled_on) is null`, and the
 * daily view's query says exactly that: with two separate `is null` terms SQLite answers them
 * from the prefix of task_due_view instead, which holds every task ever closed as well. The two
 * columns are in the index (always null there, so they cost a byte each) so that SQLite can
 * test the expression without reading the row; `id` last, for PostgreSQL's index-only scans.
 * task_extended, as small, serves the digest's tasks extended in the month.
 *
 * task_open_view (2026-11-27, PostgreSQL only, open meaning "not completed") is left in place:
 * dropping it would change the plans of databases already in use for no gain in this release.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('task_open_daily')
    .on('task')
    .columns(['due_on', 'ongoing', 'lead_unit_id', 'last_extended_on', 'assigned_on', 'completed_on', 'cancelled_on', 'id'])
    .where(sql`coalesce(completed_on, cancelled_on)`, 'is', null)
    .execute();
  // The digest's "extended this month": the few tasks ever extended, by the day of their latest extension.
  await db.schema.createIndex('task_extended').on('task').columns(['last_extended_on']).where(sql.ref('last_extended_on'), 'is not', null).execute();
}
