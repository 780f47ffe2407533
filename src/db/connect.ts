/**
 * Opens the database: a SQLite file (the embedded default), created and migrated on first use,
 * or a PostgreSQL database named by a connection URL (postgres.ts, loaded only then). The only
 * place that knows how a path or URL becomes a kysely instance.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';
import { Kysely, type LogEvent, Migrator, sql } from 'kysely';
import { DatabaseError, t } from '../domain/errors.js';
import { type Dialect, displayLocation, isPostgresUrl } from './dialect.js';
import { migrationsFor } from './migrations/index.js';
import { pausePoint } from './pause-point.js';
import type { Database } from './schema.js';
import { sqliteDialect } from './sqlite-dialect.js';
import { translateSqliteError } from './sqlite-errors.js';

export type Db = Kysely<Database>;

export interface OpenOptions {
  /** Create the file when it does not exist (commands that write, and the default location). */
  create: boolean;
  /** A command that only reads: an empty file or database is refused, never given tables. */
  mustHoldData?: boolean;
}

export interface OpenedDatabase {
  db: Db;
  /** Where it is, fit to print: a URL without its password. */
  location: string;
  dialect: Dialect;
  close(): Promise<void>;
}

/** A SQLite path or a postgres:// URL. */
export async function openDatabase(location: string, options: OpenOptions): Promise<OpenedDatabase> {
  if (!isPostgresUrl(location)) return openSqlite(location, options);
  checkPostgresUrl(location);
  const { openPostgres } = await import('./postgres.js');
  return openPostgres(location, options);
}

const MIGRATION_TABLE = 'kysely_migration';

/** A postgres:// URL that cannot be one (a port out of range, a stray character): one line, the URL not echoed. */
function checkPostgresUrl(location: string): void {
  let port = '';
  try {
    port = new URL(location).port;
  } catch {
    throw new DatabaseError(t('địa chỉ PostgreSQL trong --db hoặc TASKS_DB không hợp lệ', 'the PostgreSQL URL in --db or TASKS_DB is not valid'), t('dạng postgres://tài-khoản:mật-khẩu@máy-chủ:5432/tên-csdl', 'like postgres://user:password@host:5432/database'));
  }
  if (port !== '' && (Number(port) < 1 || Number(port) > 65535)) {
    throw new DatabaseError(t(`cổng PostgreSQL ${port} không hợp lệ (1–65535)`, `PostgreSQL port ${port} is not valid (1–65535)`), t('kiểm tra lại địa chỉ --db hoặc TASKS_DB', 'check the --db URL or TASKS_DB'));
  }
}

/**
 * The compiled SQLite addon where npm builds it. Handing its path to better-sqlite3 spares every
 * command the `bindings` package's search through a dozen candidate directories; when it is
 * somewhere else (a debug build, say) that search still runs.
 */
function nativeBinding(): string | undefined {
  try {
    const file = path.join(path.dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    return fs.existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

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

function isSqliteFileError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

export async function openSqlite(location: string, options: OpenOptions): Promise<OpenedDatabase> {
  const memory = location === ':memory:';
  if (!memory) {
    if (fs.existsSync(location)) {
      const stat = fs.statSync(location);
      if (stat.isDirectory()) throw notOurs(location);
      if (!stat.isFile()) {
        // A FIFO or a device would hang SQLite or be written through.
        throw new DatabaseError(
          t(`"${location}" không phải là tệp (một thiết bị, ống hoặc socket); không dùng làm cơ sở dữ liệu`, `"${location}" is not a file (a device, FIFO or socket); not used as a database`),
          t('kiểm tra lại đường dẫn --db, TASKS_DB hoặc --to', 'check the --db path, TASKS_DB or --to'),
        );
      }
      if (options.mustHoldData && stat.size === 0 && !(fs.existsSync(`${location}-wal`) && fs.statSync(`${location}-wal`).size > 0)) throw emptyDatabase(location);
    } else if (!options.create) {
      throw new DatabaseError(
        t(`không có cơ sở dữ liệu "${location}"`, `no database at "${location}"`),
        t('kiểm tra lại đường dẫn, hoặc tạo mới bằng "tasks init"', 'check the path, or create one with "tasks init"'),
      );
    } else {
      try {
        fs.mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        throw new DatabaseError(
          t(`không tạo được thư mục cho cơ sở dữ liệu "${location}" (${code})`, `cannot create the folder for the database "${location}" (${code})`),
          t('kiểm tra lại đường dẫn --db và quyền ghi', 'check the --db path and write permission'),
        );
      }
    }
  }
  // Loaded here, not at the top: a command on PostgreSQL never needs the SQLite addon.
  const { default: Database } = await import('better-sqlite3');
  let handle: Sqlite.Database | undefined;
  try {
    handle = new Database(location, { nativeBinding: nativeBinding() });
    handle.pragma(`busy_timeout = ${busyTimeout()}`);
    // Someone else's SQLite file is refused before WAL mode is set, which would rewrite its header.
    if (isForeign(handle)) throw notOurs(location);
    if (options.mustHoldData && !memory && tableCount(handle) === 0) throw emptyDatabase(location);
    handle.pragma('journal_mode = WAL');
    handle.pragma('synchronous = NORMAL');
    handle.pragma('foreign_keys = ON');
    // better-sqlite3 builds SQLite with a 16 MiB page cache. A command reads each page about
    // once and exits, so the operating system's file cache serves it as well; 4 MiB keeps
    // `tasks due` on a large tracker from holding memory it never reuses.
    handle.pragma('cache_size = -4000');
  } catch (error) {
    handle?.close();
    if (isSqliteFileError(error)) throw notOurs(location);
    throw translateSqliteError(error);
  }
  const db = new Kysely<Database>({ dialect: sqliteDialect(handle), log: queryLog() });
  try {
    await migrate(db, location, 'sqlite', () => sqliteMigrations(db), (pending) =>
      import('./backup.js').then(({ backupBeforeMigration }) => announceBackup(backupBeforeMigration(handle!, location, pending))),
      options.mustHoldData === true,
    );
  } catch (error) {
    await db.destroy();
    if (isSqliteFileError(error)) throw notOurs(location);
    throw error;
  }
  return { db, location, dialect: 'sqlite', close: () => db.destroy() };
}

export type Applied = string[] | 'empty' | 'foreign';

/** The migrations a file has had; 'empty' for a new file, 'foreign' for one holding other tables. */
async function sqliteMigrations(db: Db): Promise<Applied> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  const names = tables.rows.map((r) => r.name);
  if (names.length === 0) return 'empty';
  if (!names.includes(MIGRATION_TABLE)) return 'foreign';
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** TASKS_BUSY_TIMEOUT_MS: how long a command waits for another one's write (default 10 s). */
function busyTimeout(): number {
  const ms = Number(process.env.TASKS_BUSY_TIMEOUT_MS);
  return Number.isSafeInteger(ms) && ms >= 0 ? ms : 10_000;
}

function tableCount(handle: Sqlite.Database): number {
  return (handle.prepare("select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'").get() as { n: number }).n;
}

/** A file that holds tables but no migration table was made by another program. */
function isForeign(handle: Sqlite.Database): boolean {
  const names = (handle.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
  return names.length > 0 && !names.includes(MIGRATION_TABLE);
}

async function announceBackup(copy: Promise<string | null>): Promise<void> {
  const file = await copy;
  // Said on stderr, in Vietnamese only: the language flag is not known this far down.
  if (file) process.stderr.write(`Đã sao lưu cơ sở dữ liệu trước khi cập nhật lược đồ: ${file}\n`);
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
  const migrator = new Migrator({ db, provider: { getMigrations: async () => pausing }, migrationTableName: MIGRATION_TABLE });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

export const MIGRATIONS_TABLE = MIGRATION_TABLE;

export async function schemaVersion(db: Db): Promise<string | null> {
  const result = await sql<{ name: string | null }>`select max(name) as name from ${sql.table(MIGRATION_TABLE)}`.execute(db);
  return result.rows[0]?.name ?? null;
}

export function queryLog(): ((event: LogEvent) => void) | undefined {
  return process.env.TASKS_DEBUG_SQL ? logQuery : undefined;
}

/** TASKS_DEBUG_SQL=1: each statement and its time on stderr, for finding what a command waits on. */
function logQuery(event: LogEvent): void {
  process.stderr.write(`${event.queryDurationMillis.toFixed(1)} ms\t${event.query.sql}\n`);
}
