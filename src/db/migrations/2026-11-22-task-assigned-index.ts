/**
 * The digest counts every task assigned in a period by its bucket. This index holds exactly the
 * columns that takes, so the count reads a range of the index and never the task rows.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('task_assigned_status')
    .on('task')
    .columns(['assigned_on', 'lead_unit_id', 'ongoing', 'original_due_on', 'due_on', 'last_extended_on', 'completed_on', 'cancelled_on'])
    .execute();
}
