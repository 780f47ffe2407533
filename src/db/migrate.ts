/**
 * Bringing a database's schema up to date, on SQLite or PostgreSQL alike, and the refusals that
 * come with opening one: someone else's tables, an empty database for a command that reads, a
 * schema newer than this version.
 */
import { type Kysely, Migrator, sql } from 'kysely';
import { DatabaseError, t } from '../domain/errors.js';
import { MIGRATIONS_TABLE, type Db } from './database.js';
import { type Dialect, displayLocation } from './dialect.js';
import { migrationsFor } from './migrations/index.js';
import { pausePoint } from './pause-point.js';

/** The migrations a database has had; 'empty' for a new one, 'foreign' for one holding other tables. */
export type Applied = string[] | 'empty' | 'foreign';

/** A read-only command on an empty file or database: nothing to read, and it is not made into one. */
export function emptyDatabase(at: string): DatabaseError {
  const location = displayLocation(at);
  return new DatabaseError(
    t(`"${location}" chưa phải là cơ sở dữ liệu của tasks (trống); không tạo gì`, `"${location}" is not a tasks database yet (empty); nothing created`),
    t('kiểm tra lại đường dẫn, hoặc tạo mới bằng "tasks init"', 'check the path, or create one with "tasks init"'),
  );
}

export function notOurs(at: string): DatabaseError {
  const location = displayLocation(at);
  return new DatabaseError(
    t(`"${location}" không phải là cơ sở dữ liệu của tasks`, `"${location}" is not a tasks database`),
    t('kiểm tra lại đường dẫn --db hoặc TASKS_DB', 'check the --db path or TASKS_DB'),
  );
}

/**
 * Brings the schema up to date; refuses a database that holds someone else's tables or a newer
 * schema. `applied` reads what has run, in one query when the schema is current;
 * `beforeMigrating` runs when migrations are pending on an existing database (SQLite: a copy).
 */
export async function migrate(
  db: Db,
  location: string,
  dialect: Dialect,
  applied_: () => Promise<Applied>,
  beforeMigrating: (pending: string[]) => Promise<void> = async () => {},
  mustHoldData = false,
): Promise<void> {
  const known = migrationsFor(dialect);
  const applied = await applied_();
  if (applied === 'foreign') throw notOurs(location);
  if (applied === 'empty' && mustHoldData) throw emptyDatabase(location);
  if (applied !== 'empty') {
    const newer = applied.filter((name) => !(name in known));
    if (newer.length > 0) {
      throw new DatabaseError(
        t(`cơ sở dữ liệu "${displayLocation(location)}" do phiên bản tasks mới hơn tạo ra (lược đồ ${newer.at(-1)})`, `database "${displayLocation(location)}" was written by a newer version of tasks (schema ${newer.at(-1)})`),
        t('cập nhật tasks lên phiên bản mới nhất', 'update tasks to the latest version'),
      );
    }
    if (applied.length === Object.keys(known).length) return;
    await beforeMigrating(Object.keys(known).filter((name) => !applied.includes(name)));
  }
  const pausing = Object.fromEntries(Object.entries(known).map(([name, m]) => [name, { up: async (d: Kysely<any>) => (await m.up(d), await pausePoint(`migrate:${name}`)) }]));
  const migrator = new Migrator({ db, provider: { getMigrations: async () => pausing }, migrationTableName: MIGRATIONS_TABLE });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

export async function schemaVersion(db: Db): Promise<string | null> {
  const result = await sql<{ name: string | null }>`select max(name) as name from ${sql.table(MIGRATIONS_TABLE)}`.execute(db);
  return result.rows[0]?.name ?? null;
}
