/** The core tracker's schema. Frozen: later changes go in a new migration. */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  // SQLite's AUTOINCREMENT never reuses an id; PostgreSQL's identity column does the same job.
  const key = (c: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

  await db.schema
    .createTable('unit')
    .addColumn('id', 'integer', key)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('head', 'text')
    .addColumn('email', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('unit_alias')
    .addColumn('id', 'integer', key)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('unit_group')
    .addColumn('id', 'integer', key)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('all_units', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('unit_group_alias')
    .addColumn('id', 'integer', key)
    .addColumn('group_id', 'integer', (c) => c.notNull().references('unit_group.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('unit_group_member')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('unit_group.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_group_member_pk', ['group_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('source')
    .addColumn('id', 'integer', key)
    .addColumn('kind', 'text')
    .addColumn('number', 'text', (c) => c.unique())
    .addColumn('issued_on', 'text')
    .addColumn('issuer', 'text')
    .addColumn('summary', 'text')
    .addColumn('meeting_on', 'text')
    .addColumn('chair', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('directive')
    .addColumn('id', 'integer', key)
    .addColumn('source_id', 'integer', (c) => c.notNull().references('source.id'))
    .addColumn('ordinal', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('series')
    .addColumn('id', 'integer', key)
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('lead_unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('every', 'text', (c) => c.notNull())
    .addColumn('day', 'integer')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('until_on', 'text')
    .addColumn('next_period_on', 'text', (c) => c.notNull())
    .addColumn('stopped_on', 'text')
    .addColumn('source_id', 'integer', (c) => c.references('source.id'))
    .addColumn('directive_id', 'integer', (c) => c.references('directive.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('series_next_period').on('series').column('next_period_on').execute();
  await db.schema
    .createTable('series_coordinator')
    .addColumn('series_id', 'integer', (c) => c.notNull().references('series.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addPrimaryKeyConstraint('series_coordinator_pk', ['series_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('task')
    .addColumn('id', 'integer', key)
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('text_folded', 'text', (c) => c.notNull())
    .addColumn('lead_unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('owner_text', 'text')
    .addColumn('ongoing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('original_due_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('last_extended_on', 'text')
    .addColumn('assigned_on', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('evidence', 'text')
    .addColumn('completion_note', 'text')
    .addColumn('cancelled_on', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('source_id', 'integer', (c) => c.references('source.id'))
    .addColumn('directive_id', 'integer', (c) => c.references('directive.id'))
    .addColumn('series_id', 'integer', (c) => c.references('series.id'))
    .addColumn('period', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('task_series_period', ['series_id', 'period'])
    .execute();
  // The daily view reads open tasks only; most tasks in a mature tracker are done.
  await db.schema.createIndex('task_open_due').on('task').columns(['completed_on', 'due_on']).execute();
  await db.schema.createIndex('task_lead_due').on('task').columns(['lead_unit_id', 'due_on']).execute();
  await db.schema.createIndex('task_source').on('task').column('source_id').execute();
  await db.schema
    .createTable('task_coordinator')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addPrimaryKeyConstraint('task_coordinator_pk', ['task_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('progress_note')
    .addColumn('id', 'integer', key)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id'))
    .addColumn('noted_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('progress_note_task').on('progress_note').column('task_id').execute();
  await db.schema
    .createTable('extension')
    .addColumn('id', 'integer', key)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id'))
    .addColumn('from_on', 'text')
    .addColumn('to_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('granted_on', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('extension_task').on('extension').column('task_id').execute();
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'integer', key)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('task_id', 'integer')
    .addColumn('unit_id', 'integer')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_event_task').on('audit_event').column('task_id').execute();
}

