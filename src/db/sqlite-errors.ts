/** SQLite's own failures that a user can meet, as one line they can act on. */
import { DatabaseError, t } from '../domain/errors.js';

export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Another process held the write lock for longer than the busy timeout. */
export function busyError(): DatabaseError {
  return new DatabaseError(
    t('cơ sở dữ liệu đang bận: một lệnh tasks khác đang ghi quá lâu, chưa ghi gì', 'the database is busy: another tasks command has been writing for too long; nothing was written'),
    t('chờ lệnh kia chạy xong rồi chạy lại lệnh này', 'wait for the other command to finish, then run this one again'),
  );
}

export function translateSqliteError(error: unknown): unknown {
  return isBusy(error) ? busyError() : error;
}
