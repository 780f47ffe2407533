/**
 * Opens a PostgreSQL database from a connection URL, for a Sở (or a province) sharing one
 * database. Loaded only for a postgres:// location, so SQLite users never load `pg`.
 *
 * Start-up is a round trip or two: the pool connects on the first query, and when the schema is
 * current the migration check is that one query.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type PgModule from 'pg';
import { requireWithCodeCache } from './code-cache.js';
import { DatabaseError, t } from '../domain/errors.js';
import { MIGRATIONS_TABLE, type Db, type OpenedDatabase, type OpenOptions } from './database.js';
import { type Applied, migrate, notOurs } from './migrate.js';
import { displayLocation } from './dialect.js';
import type { Database } from './schema.js';

interface PgError {
  code?: string;
  message?: string;
}

/** The server's and the network's refusals a user can fix, as one line; never the password. */
export function connectionError(location: string, error: unknown): DatabaseError | null {
  const code = (error as PgError).code ?? '';
  const shown = displayLocation(location);
  let where = shown;
  try {
    const url = new URL(location);
    where = `${url.hostname || 'localhost'}:${url.port || '5432'}`;
  } catch {
    // keep the whole location
  }
  const check = t('kiểm tra lại địa chỉ --db hoặc TASKS_DB', 'check the --db URL or TASKS_DB');
  switch (code) {
    case 'ECONNREFUSED':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new DatabaseError(
        t(`không kết nối được máy chủ PostgreSQL ${where}`, `cannot connect to the PostgreSQL server at ${where}`),
        t('máy chủ đã chạy chưa? kiểm tra địa chỉ và cổng trong TASKS_DB', 'is the server running? check the host and port in TASKS_DB'),
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new DatabaseError(t(`không tìm thấy máy chủ PostgreSQL ${where}`, `PostgreSQL host not found: ${where}`), check);
    case '28P01':
    case '28000':
      return new DatabaseError(
        t(`máy chủ PostgreSQL ${where} từ chối đăng nhập (sai tên đăng nhập hoặc mật khẩu, hoặc chưa được phép kết nối)`, `the PostgreSQL server at ${where} refused the login (wrong user or password, or not allowed to connect)`),
        check,
      );
    case '3D000':
      return new DatabaseError(
        t(`không có cơ sở dữ liệu "${shown}" trên máy chủ`, `no database "${shown}" on the server`),
        t('quản trị viên tạo cơ sở dữ liệu trước (xem README, mục PostgreSQL)', 'the administrator creates the database first (see README, PostgreSQL)'),
      );
    case '42501':
      return new DatabaseError(
        t(`không có quyền với cơ sở dữ liệu "${shown}"`, `permission denied on the database "${shown}"`),
        t('tài khoản chỉ được đọc; lần đầu dùng cần tài khoản được tạo bảng (xem README)', 'the login may only read; the first use needs a login that may create tables (see README)'),
      );
    default:
      break;
  }
  const message = (error as Error)?.message ?? '';
  if (/does not support SSL/i.test(message)) {
    return new DatabaseError(
      t(`máy chủ PostgreSQL ${where} không hỗ trợ TLS mà địa chỉ yêu cầu sslmode`, `the PostgreSQL server at ${where} does not support TLS, which the URL's sslmode asks for`),
      t('bật ssl trên máy chủ, hoặc bỏ sslmode khỏi địa chỉ khi máy chủ ở cùng máy', 'turn ssl on at the server, or drop sslmode from the URL for a server on the same machine'),
    );
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new DatabaseError(
      t(`không tin được chứng chỉ TLS của máy chủ PostgreSQL ${where} (${code})`, `the TLS certificate of the PostgreSQL server at ${where} is not trusted (${code})`),
      t('thêm sslrootcert=<tệp CA> vào địa chỉ, hoặc nhờ quản trị viên cấp chứng chỉ hợp lệ', 'add sslrootcert=<CA file> to the URL, or ask the administrator for a valid certificate'),
    );
  }
  return null;
}

/** Read-only logins (viewers) may not write; the caller decides what that means. */
export function isPermissionDenied(error: unknown): boolean {
  return (error as PgError).code === '42501';
}

async function postgresMigrations(db: Db): Promise<Applied> {
  try {
    const rows = await sql<{ name: string }>`select name from ${sql.table(MIGRATIONS_TABLE)} order by name`.execute(db);
    return rows.rows.map((r) => r.name);
  } catch (error) {
    // 42P01: no migration table yet. Only then is the schema looked at as a whole.
    if ((error as PgError).code !== '42P01') throw error;
  }
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db);
  return tables.rows.length === 0 ? 'empty' : 'foreign';
}

/**
 * The `pg` client: from dist/pg.cjs (scripts/build.mjs bundles it beside the CLI) through the
 * code cache when the CLI runs built, else from node_modules.
 */
async function loadPg(): Promise<typeof PgModule> {
  const bundled = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pg.cjs');
  if (fs.existsSync(bundled)) return requireWithCodeCache<typeof PgModule>(bundled);
  return (await import('pg')).default;
}

export async function openPostgres(location: string, options: Pick<OpenOptions, 'mustHoldData' | 'log'> = {}): Promise<OpenedDatabase> {
  const pg = await loadPg();
  const pool = new pg.Pool({
    connectionString: location,
    // One command, one connection: a CLI process never runs two statements at once.
    max: 1,
    connectionTimeoutMillis: 10_000,
    application_name: 'tasks',
  });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: options.log });
  try {
    await migrate(db, location, 'postgres', () => postgresMigrations(db), undefined, options.mustHoldData === true);
  } catch (error) {
    await db.destroy().catch(() => {});
    if (error instanceof DatabaseError) throw error;
    if ((error as PgError).code === '42P01' || (error as PgError).code === '42P07') throw notOurs(location);
    throw connectionError(location, error) ?? error;
  }
  return { db, location: displayLocation(location), dialect: 'postgres', backedUpTo: null, close: () => db.destroy() };
}
