/**
 * Indexes for `tasks due`, which runs many times a day. Frozen: later changes go in a new
 * migration.
 *
 * The daily view asks for the tasks still open at the end of the as-of day (completed_on and
 * cancelled_on null or after it) whose due date in force falls by the horizon. An index that
 * holds every column of that filter lets the database answer it from the index alone and read
 * only the rows it returns, instead of every task ever recorded: in a mature tracker nearly all
 * of them are done. It starts with completed_on, so it also does the job of task_open_due.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('task_due_view')
    .on('task')
    .columns(['completed_on', 'cancelled_on', 'due_on', 'ongoing', 'lead_unit_id', 'last_extended_on', 'assigned_on'])
    .execute();
  await db.schema.dropIndex('task_open_due').execute();
}
