/**
 * PostgreSQL only: the daily view's open tasks from an index alone. PostgreSQL answers the
 * view's "completed_on is null or completed_on > as-of" with a bitmap scan that reads the rows of
 * every open task; a partial index over the open tasks, holding every column the view tests,
 * lets it read the index and nothing else (the rare tasks completed after an as-of day in the
 * past come from task_due_view). SQLite already answers from task_due_view. Frozen.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await db.schema
    .createIndex('task_open_view')
    .on('task')
    .columns(['assigned_on', 'due_on', 'cancelled_on', 'ongoing', 'lead_unit_id', 'last_extended_on', 'id'])
    .where(sql.ref('completed_on'), 'is', null)
    .execute();
}
