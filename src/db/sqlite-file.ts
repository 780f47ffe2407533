/**
 * A SQLite file, opened the one way every part of db/ opens one (connect.ts for commands,
 * backup.ts for copies): the compiled addon found directly, a busy timeout, and one list of the
 * errors that mean "this file is not a database".
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';
import { DEFAULT_BUSY_TIMEOUT_MS } from './database.js';

export interface SqliteFileOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  busyTimeoutMs?: number;
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

/** better-sqlite3, loaded on first use: a command on PostgreSQL never needs the SQLite addon. */
export async function loadSqlite(): Promise<typeof Sqlite> {
  return (await import('better-sqlite3')).default;
}

/** Opens `file` with the busy timeout set before anything else reads it. */
export function openSqliteFile(Database: typeof Sqlite, file: string, options: SqliteFileOptions = {}): Sqlite.Database {
  const handle = new Database(file, { readonly: options.readonly === true, fileMustExist: options.fileMustExist === true, nativeBinding: nativeBinding() });
  try {
    handle.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
  } catch (error) {
    handle.close();
    throw error;
  }
  return handle;
}

/** SQLite's answers for a file that is not a database, or is damaged: refused as "not ours". */
export function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

/** The tables of the file, SQLite's own left out. */
export function tableNames(handle: Sqlite.Database): string[] {
  return (handle.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
}
