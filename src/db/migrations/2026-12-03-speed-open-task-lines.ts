/**
 * The daily view's lines from one small index, SQLite only. `tasks due` reads ~2 750 tasks at
 * 100k, and reading each one's row cost a page of task apiece (~40 ms, nearly all of the SQL):
 * the rows of open tasks lie scattered among the done ones. task_open_lines is task_open_daily
 * (same predicate, same leading columns) with the rest of what a line prints (the text, who owns
 * it, the source, the original due date) after them, so the open half of the view is read from
 * the index alone: the working set, a few hundred pages, in order. About 250 bytes an open task.
 *
 * Not on PostgreSQL: a btree entry there may not exceed ~2.7 KB, and a task's text may (an
 * imported directive verbatim). PostgreSQL reads the ids from task_open_daily and the rows by
 * that list (db/due-view-repository.ts). task_open_daily stays: the id-only reads (the digest,
 * `--json`) are cheaper in the narrower index. Frozen.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'sqlite') return;
  await db.schema
    .createIndex('task_open_lines')
    .on('task')
    .columns(['due_on', 'ongoing', 'lead_unit_id', 'last_extended_on', 'assigned_on', 'completed_on', 'cancelled_on', 'id', 'original_due_on', 'source_id', 'owner_text', 'text'])
    .where(sql`coalesce(completed_on, cancelled_on)`, 'is', null)
    .execute();
}
