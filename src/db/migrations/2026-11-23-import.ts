/**
 * Importing conclusions: a source remembers when it was imported and a fingerprint of its text
 * (a source with no number is known again by its content), and the working-day calendar keeps
 * the office's own changes (extra days off, swapped working Saturdays).
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const key = (c: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

  await db.schema.alterTable('source').addColumn('content_hash', 'text').execute();
  await db.schema.alterTable('source').addColumn('imported_at', 'text').execute();
  await db.schema.createIndex('source_content_hash').on('source').column('content_hash').execute();

  await db.schema
    .createTable('calendar_day')
    .addColumn('id', 'integer', key)
    .addColumn('day', 'text', (c) => c.notNull().unique())
    /** 'off' or 'workday'. */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
