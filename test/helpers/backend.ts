/**
 * Which database the suites run on. The "postgres" project of vitest.config.ts sets
 * TASKS_TEST_BACKEND=postgres and TASKS_TEST_PG_URL names a server where each test database is
 * made fresh; otherwise everything runs on SQLite files.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const PG_URL = process.env.TASKS_TEST_PG_URL ?? '';
export const ON_POSTGRES = process.env.TASKS_TEST_BACKEND === 'postgres' && PG_URL !== '';
const EXEC = path.join(import.meta.dirname, 'db-exec.cjs');
/** Set once per run by vitest.config.ts, so two runs on one server never touch each other's databases. */
const PREFIX = process.env.TASKS_TEST_PG_PREFIX ?? `tasks_t${process.pid}`;
let made = 0;

/** Runs db-exec.cjs (see there): SQL against a SQLite file or a PostgreSQL URL. */
export function dbExec(location: string, ...args: string[]): string {
  const result = spawnSync(process.execPath, [EXEC, location, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`db-exec ${args[0]} failed: ${result.stderr}`);
  return result.stdout;
}

/** The URL of a database on the test server, another in the same server as `url`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new, empty database on the test server; its URL. */
export function freshPostgresDatabase(): string {
  const name = `${PREFIX}_${++made}_${Math.random().toString(36).slice(2, 8)}`;
  dbExec(PG_URL, 'create', name);
  return withDatabase(PG_URL, name);
}

/** Runs one statement ("?" placeholders) and returns its rows. */
export function query<T = Record<string, unknown>>(location: string, sql: string, params: unknown[] = []): T[] {
  return JSON.parse(dbExec(location, JSON.stringify({ sql, params })) || '[]');
}
