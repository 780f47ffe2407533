/**
 * `tasks backup FILE` and `tasks restore FILE`: a consistent copy of the database taken while
 * others use it, and putting one back after checking it, with the replaced file kept aside.
 */
import fs from 'node:fs';
import path from 'node:path';
import { copyDatabase, inspectDatabaseFile, openForCopy, restoreDatabase, type BusyOptions, type DatabaseSummary } from '../db/backup.js';
import { DatabaseError, ValidationError, t } from '../domain/errors.js';
import { audit, inTransaction, type Context } from './context.js';

function noDatabase(location: string): DatabaseError {
  return new DatabaseError(
    t(`không có cơ sở dữ liệu "${location}"`, `no database at "${location}"`),
    t('kiểm tra lại đường dẫn --db hoặc TASKS_DB', 'check the --db path or TASKS_DB'),
  );
}

function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

export interface BackupResult {
  file: string;
  bytes: number;
  summary: DatabaseSummary;
}

export async function backupDatabase(location: string, destination: string, options: { force?: boolean } & BusyOptions = {}): Promise<BackupResult> {
  if (!fs.existsSync(location)) throw noDatabase(location);
  if (sameFile(location, destination)) {
    throw new ValidationError(t('tệp sao lưu trùng với cơ sở dữ liệu đang dùng', 'the backup file is the database itself'), t('chọn một tên tệp khác', 'choose another file name'));
  }
  if (fs.existsSync(destination)) {
    if (fs.statSync(destination).isDirectory()) {
      throw new ValidationError(t(`"${destination}" là một thư mục`, `"${destination}" is a folder`), t('nêu tên tệp, ví dụ sao-luu/tasks-2026-11-20.db', 'name a file, e.g. backups/tasks-2026-11-20.db'));
    }
    // An older copy is replaced (a nightly job reuses one name); anything else is never overwritten.
    let existing: DatabaseSummary;
    try {
      existing = inspectDatabaseFile(destination, false, options);
    } catch {
      throw new ValidationError(
        t(`đã có tệp "${destination}" không phải bản sao lưu của tasks; không ghi đè`, `"${destination}" exists and is not a tasks backup; not overwritten`),
        t('chọn một tên tệp khác', 'choose another file name'),
      );
    }
    // Another tracker (its first migration is not this one's), or one in use (a -wal beside it).
    const current = inspectDatabaseFile(location, false, options);
    const inUse = fs.existsSync(`${destination}-wal`) && fs.statSync(`${destination}-wal`).size > 0;
    if (!options.force && (existing.origin !== current.origin || inUse)) {
      throw new ValidationError(
        t(
          `"${destination}" là ${inUse ? 'một cơ sở dữ liệu tasks đang được dùng' : 'một cơ sở dữ liệu tasks khác'}, không phải bản sao lưu cũ của cơ sở dữ liệu này; không ghi đè`,
          `"${destination}" is ${inUse ? 'a tasks database in use' : 'another tasks database'}, not an older backup of this one; not overwritten`,
        ),
        t('chọn một tên tệp khác, hoặc thêm --force nếu thật sự muốn thay nó', 'choose another file name, or add --force to replace it all the same'),
      );
    }
  } else {
    fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
  }
  const handle = openForCopy(location, options);
  try {
    await copyDatabase(handle, destination);
  } finally {
    handle.close();
  }
  const summary = inspectDatabaseFile(destination, true, options);
  return { file: destination, bytes: fs.statSync(destination).size, summary };
}

export interface RestorePlan {
  file: string;
  location: string;
  candidate: DatabaseSummary;
  /** What the database to be replaced holds, or null when there is none yet. */
  current: DatabaseSummary | null;
}

/** Checks the copy (integrity, ours, not newer) and the database it would replace; writes nothing. */
export function planRestore(file: string, location: string, options: BusyOptions = {}): RestorePlan {
  if (sameFile(file, location)) {
    throw new ValidationError(t('tệp khôi phục chính là cơ sở dữ liệu đang dùng', 'the file to restore is the database itself'), t('nêu tệp do "tasks backup" tạo ra', 'name a file made by "tasks backup"'));
  }
  const candidate = inspectDatabaseFile(file, true, options);
  const current = fs.existsSync(location) ? inspectDatabaseFile(location, false, options) : null;
  return { file, location, candidate, current };
}

export function restoreFromPlan(plan: RestorePlan, options: BusyOptions = {}): Promise<{ aside: string | null }> {
  return restoreDatabase(plan.file, plan.location, options);
}

/** The restored database's own trail says when and from what it was put back. */
export function recordRestore(ctx: Context, plan: RestorePlan, aside: string | null): Promise<void> {
  // Who may restore was checked against the database that was replaced (cli/commands/backup.ts).
  return inTransaction(ctx, (trx) => audit(trx, 'db.restore', {}, { from: path.resolve(plan.file), aside, tasks: plan.candidate.tasks }), 'system');
}
