/**
 * Opens the database: a SQLite file (the embedded default), created and migrated on first use,
 * or a PostgreSQL database named by a connection URL (postgres.ts, loaded only then). The only
 * place that knows how a path or URL becomes a kysely instance. It says nothing itself: what it
 * did (a copy taken before a migration) comes back in the result, for cli/ to tell.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { DatabaseError, t } from '../domain/errors.js';
import { MIGRATIONS_TABLE, type Db, type OpenedDatabase, type OpenOptions } from './database.js';
import { isPostgresUrl } from './dialect.js';
import { emptyDatabase, migrate, notOurs, type Applied } from './migrate.js';
import type { Database } from './schema.js';
import { sqliteDialect } from './sqlite-dialect.js';
import { translateSqliteError } from './sqlite-errors.js';
import { isNotADatabase, loadSqlite, openSqliteFile, tableNames } from './sqlite-file.js';

export type { Db, OpenedDatabase, OpenOptions } from './database.js';

/** A SQLite path or a postgres:// URL. */
export async function openDatabase(location: string, options: OpenOptions): Promise<OpenedDatabase> {
  if (!isPostgresUrl(location)) return openSqlite(location, options);
  checkPostgresUrl(location);
  const { openPostgres } = await import('./postgres.js');
  return openPostgres(location, options);
}

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
  const Database = await loadSqlite();
  let handle: Sqlite.Database | undefined;
  try {
    handle = openSqliteFile(Database, location, { busyTimeoutMs: options.busyTimeoutMs });
    // Someone else's SQLite file is refused before WAL mode is set, which would rewrite its header.
    const tables = tableNames(handle);
    if (tables.length > 0 && !tables.includes(MIGRATIONS_TABLE)) throw notOurs(location);
    if (options.mustHoldData && !memory && tables.length === 0) throw emptyDatabase(location);
    handle.pragma('journal_mode = WAL');
    handle.pragma('synchronous = NORMAL');
    handle.pragma('foreign_keys = ON');
    // better-sqlite3 builds SQLite with a 16 MiB page cache. A command reads each page about
    // once and exits, so the operating system's file cache serves it as well; 4 MiB keeps
    // `tasks due` on a large tracker from holding memory it never reuses.
    handle.pragma('cache_size = -4000');
  } catch (error) {
    handle?.close();
    if (isNotADatabase(error)) throw notOurs(location);
    throw translateSqliteError(error);
  }
  const db = new Kysely<Database>({ dialect: sqliteDialect(handle), log: options.log });
  let backedUpTo: string | null = null;
  const backUp = async (pending: string[]) => {
    const { backupBeforeMigration } = await import('./backup.js');
    backedUpTo = await backupBeforeMigration(handle!, location, pending);
  };
  try {
    await migrate(db, location, 'sqlite', () => sqliteMigrations(db), backUp, options.mustHoldData === true);
  } catch (error) {
    await db.destroy();
    if (isNotADatabase(error)) throw notOurs(location);
    throw error;
  }
  return { db, location, dialect: 'sqlite', backedUpTo, close: () => db.destroy() };
}

/** The migrations a file has had; 'empty' for a new file, 'foreign' for one holding other tables. */
async function sqliteMigrations(db: Db): Promise<Applied> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  const names = tables.rows.map((r) => r.name);
  if (names.length === 0) return 'empty';
  if (!names.includes(MIGRATIONS_TABLE)) return 'foreign';
  const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATIONS_TABLE)} order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}
