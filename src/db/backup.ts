/**
 * Copies of the SQLite file made with SQLite's online backup, which reads a consistent state
 * while other processes keep using the database: `tasks backup`, `tasks restore`, and the copy
 * taken before a schema migration. Files are opened through sqlite-file.ts, as connect.ts opens
 * them.
 */
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { DatabaseError, ValidationError, t } from '../domain/errors.js';
import { beginAtomicWrite } from '../io/atomic-file.js';
import { statUserFile } from '../io/user-file.js';
import { MIGRATIONS_TABLE } from './database.js';
import { migrationsFor } from './migrations/index.js';
import { pausePoint } from './pause-point.js';
import { isBusy, busyError } from './sqlite-errors.js';
import { isNotADatabase, openSqliteFile, tableNames } from './sqlite-file.js';

/** Copies taken before migrations that are kept; older ones are removed. */
export const KEEP_MIGRATION_BACKUPS = 5;

export interface DatabaseSummary {
  schema: string | null;
  /** When the database was first created (its first migration): the same in all its backups. */
  origin: string | null;
  tasks: number;
  units: number;
  auditEntries: number;
}

function stamp(now: Date): string {
  // To the millisecond: two migrations a second apart must not share a name.
  return now.toISOString().replace(/[-:.]/g, '');
}

function notOurs(file: string): DatabaseError {
  return new DatabaseError(
    t(`"${file}" không phải là cơ sở dữ liệu của tasks, hoặc đã hỏng`, `"${file}" is not a tasks database, or it is damaged`),
    t('chọn một bản sao lưu do "tasks backup" tạo ra', 'choose a copy made by "tasks backup"'),
  );
}

/** A copy the user named that SQLite cannot open is not a backup either. */
function sqliteFileError(error: unknown): boolean {
  return isNotADatabase(error) || (error as { code?: unknown } | null)?.code === 'SQLITE_CANTOPEN';
}

/** How long to wait for another process's write; cli/ passes TASKS_BUSY_TIMEOUT_MS. */
export interface BusyOptions {
  busyTimeoutMs?: number;
}

/** What a tasks database holds; refuses a file that is not one, is damaged, or is newer than this version. */
function summarise(handle: Sqlite.Database, file: string, checkIntegrity: boolean): DatabaseSummary {
  const tables = tableNames(handle);
  if (!tables.includes(MIGRATIONS_TABLE) || !tables.includes('task')) throw notOurs(file);
  if (checkIntegrity) {
    const result = handle.prepare('pragma integrity_check').all() as { integrity_check: string }[];
    if (result.length !== 1 || result[0].integrity_check !== 'ok') throw notOurs(file);
  }
  const applied = (handle.prepare(`select name from ${MIGRATIONS_TABLE} order by name`).all() as { name: string }[]).map((r) => r.name);
  const known = migrationsFor('sqlite');
  const newer = applied.filter((name) => !(name in known));
  if (newer.length > 0) {
    throw new DatabaseError(
      t(`"${file}" do phiên bản tasks mới hơn tạo ra (lược đồ ${newer.at(-1)}); không hạ cấp`, `"${file}" was written by a newer version of tasks (schema ${newer.at(-1)}); not downgraded`),
      t('cập nhật tasks lên phiên bản mới nhất', 'update tasks to the latest version'),
    );
  }
  const count = (table: string) => Number((handle.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n);
  const origin = (handle.prepare(`select min(timestamp) as t from ${MIGRATIONS_TABLE}`).get() as { t: string | null }).t;
  return { schema: applied.at(-1) ?? null, origin, tasks: count('task'), units: count('unit'), auditEntries: count('audit_event') };
}

/**
 * Reading a WAL-mode file someone copied by hand makes SQLite create empty -wal and -shm files
 * beside it, which a read-only connection cannot remove; this removes the ones it made.
 */
function leftoversOf(file: string): () => void {
  const made = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  return () => {
    const wal = `${file}-wal`;
    if (made.includes(wal) && fs.existsSync(wal) && fs.statSync(wal).size > 0) return;
    for (const f of made) fs.rmSync(f, { force: true });
  };
}

function tidyAfterReading<T>(file: string, read: () => T): T {
  const tidy = leftoversOf(file);
  try {
    return read();
  } finally {
    tidy();
  }
}

/** Opens a file read-only to check it; never creates or changes it. */
export function inspectDatabaseFile(file: string, checkIntegrity = true, options: BusyOptions = {}): DatabaseSummary {
  statUserFile(file);
  return tidyAfterReading(file, () => {
    let handle: Sqlite.Database | undefined;
    try {
      handle = openSqliteFile(Sqlite, file, { readonly: true, fileMustExist: true, busyTimeoutMs: options.busyTimeoutMs });
      return summarise(handle, file, checkIntegrity);
    } catch (error) {
      if (sqliteFileError(error)) throw notOurs(file);
      if (isBusy(error)) throw busyError();
      throw error;
    } finally {
      handle?.close();
    }
  });
}

/**
 * Writes a consistent copy of `handle`'s database to `destination`: first to a temporary file
 * beside it (io/atomic-file.ts: exclusive name, mode 0600 while partial), fsynced and renamed into
 * place when whole, so a copy cut short never looks like a good one.
 */
export async function copyDatabase(handle: Sqlite.Database, destination: string): Promise<void> {
  const file = beginAtomicWrite(destination);
  try {
    // SQLite's backup API writes by path, into the file reserved for it.
    file.closeDescriptor();
    await handle.backup(file.temporary);
    // A copy is a single file: in WAL mode, merely reading it would leave -wal and -shm beside it.
    const copy = openSqliteFile(Sqlite, file.temporary);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    file.commit();
  } catch (error) {
    file.abort();
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(file.temporary + suffix, { force: true });
    if (isBusy(error)) throw busyError();
    throw error;
  }
  // No stale -wal or -shm of an earlier file of that name may sit beside the new copy.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(destination + suffix, { force: true });
}

/** Opens the live database for copying from it; refuses a file that is not ours. */
export function openForCopy(location: string, options: BusyOptions = {}): Sqlite.Database {
  if (fs.statSync(location).isDirectory()) throw notOurs(location);
  let handle: Sqlite.Database | undefined;
  try {
    handle = openSqliteFile(Sqlite, location, { fileMustExist: true, busyTimeoutMs: options.busyTimeoutMs });
    summarise(handle, location, false);
    return handle;
  } catch (error) {
    handle?.close();
    if (sqliteFileError(error)) throw notOurs(location);
    if (isBusy(error)) throw busyError();
    throw error;
  }
}

/** The folder beside the database where copies taken before migrations go. */
export function migrationBackupDir(location: string): string {
  return `${location}.backups`;
}

/**
 * Before a pending migration on a database that holds data: a copy in `<db>.backups/`, keeping
 * the newest few. Returns where it went, or null when there was nothing to keep.
 */
export async function backupBeforeMigration(handle: Sqlite.Database, location: string, pending: string[], now = new Date()): Promise<string | null> {
  const recorded = handle.prepare("select 1 from sqlite_master where type = 'table' and name = 'audit_event'").get()
    ? Number((handle.prepare('select count(*) as n from audit_event').get() as { n: number }).n)
    : 0;
  if (recorded === 0) return null;
  const dir = migrationBackupDir(location);
  const file = path.join(dir, `${path.basename(location)}.before-${pending[0]}-${stamp(now)}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    await copyDatabase(handle, file);
  } catch (error) {
    if (error instanceof DatabaseError) throw error;
    // No copy, no migration: the schema is changed only when the old one is kept somewhere.
    throw new DatabaseError(
      t(`không sao lưu được cơ sở dữ liệu vào "${dir}" trước khi cập nhật lược đồ; chưa cập nhật gì (${(error as Error).message})`, `could not back the database up to "${dir}" before the schema update; nothing changed (${(error as Error).message})`),
      t('cần quyền ghi và chỗ trống trong thư mục chứa cơ sở dữ liệu', 'the database folder must be writable and have free space'),
    );
  }
  const kept = fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${path.basename(location)}.before-`) && !name.endsWith('.tmp'))
    .sort((a, b) => fs.statSync(path.join(dir, b)).mtimeMs - fs.statSync(path.join(dir, a)).mtimeMs || b.localeCompare(a));
  for (const old of kept.slice(KEEP_MIGRATION_BACKUPS)) fs.rmSync(path.join(dir, old), { force: true });
  return file;
}

export interface RestoreResult {
  /** Where the replaced database was kept, or null when there was none. */
  aside: string | null;
}

/**
 * Replaces the database at `location` with the copy in `file`, already checked: the current
 * database is first copied aside, then the copy is written into it with the backup API, in one
 * write transaction, so a process killed half-way leaves the old database whole.
 */
export async function restoreDatabase(file: string, location: string, options: BusyOptions = {}, now = new Date()): Promise<RestoreResult> {
  let aside: string | null = null;
  if (fs.existsSync(location)) {
    const current = openForCopy(location, options);
    try {
      aside = `${location}.before-restore-${stamp(now)}`;
      await copyDatabase(current, aside);
    } finally {
      current.close();
    }
    await pausePoint('restore:aside');
  }
  fs.mkdirSync(path.dirname(path.resolve(location)), { recursive: true });
  const tidy = leftoversOf(file);
  const source = openSqliteFile(Sqlite, file, { readonly: true, fileMustExist: true, busyTimeoutMs: options.busyTimeoutMs });
  try {
    await source.backup(location);
  } catch (error) {
    if (isBusy(error)) throw busyError();
    throw error;
  } finally {
    source.close();
    tidy();
  }
  return { aside };
}
