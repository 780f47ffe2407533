/**
 * Who may do what in a shared database: the people who use the tracker with their role, and the
 * extensions a unit head asks for until the office settles them. Frozen: later changes go in a
 * new migration.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const key = (c: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

  await db.schema
    .createTable('person')
    .addColumn('id', 'integer', key)
    /** TASKS_USER, or the operating system's user name. */
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    /** 'office', 'head' or 'viewer'. */
    .addColumn('role', 'text', (c) => c.notNull())
    /** The unit a head leads; null for the other roles. */
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('extension_request')
    .addColumn('id', 'integer', key)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id'))
    .addColumn('from_on', 'text')
    .addColumn('to_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_on', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    /** 'pending', 'approved' or 'rejected'. */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('settled_on', 'text')
    .addColumn('settled_by', 'text')
    .addColumn('settle_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // At most one request waits per task, even when two heads ask at the same moment.
  await db.schema
    .createIndex('extension_request_pending')
    .on('extension_request')
    .column('task_id')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
}
