/**
 * The web page's sign-in: a person's e-mail address (where the sign-in link goes), the links sent
 * (only a hash of each is kept, used once, until it expires) and the sessions they open (again
 * only a hash of the cookie's value). Frozen.
 */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const key = (c: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

  // Lower case, trimmed (domain/email.ts); at most one person per address.
  await db.schema.alterTable('person').addColumn('email', 'text').execute();
  await db.schema.createIndex('person_email').on('person').column('email').unique().execute();

  await db.schema
    .createTable('login_token')
    .addColumn('id', 'integer', key)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    /** sha256 of the token's random part, hex: the token itself is only ever in the mail. */
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('web_session')
    .addColumn('id', 'integer', key)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    /** sha256 of the cookie's value, hex. */
    .addColumn('session_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
}
