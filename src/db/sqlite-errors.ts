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
  if (isBusy(error)) return busyError();
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (code.startsWith('SQLITE_READONLY')) {
    return new DatabaseError(
      t('cơ sở dữ liệu chỉ đọc được, không ghi được (tệp hoặc thư mục của nó không cho ghi); chưa ghi gì', 'the database can only be read, not written (its file or folder is read-only); nothing was written'),
      t('kiểm tra quyền ghi của tệp cơ sở dữ liệu và thư mục chứa nó', 'check write permission on the database file and its folder'),
    );
  }
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) {
    return new DatabaseError(
      t(`không ghi được vào cơ sở dữ liệu (${code === 'SQLITE_FULL' ? 'đĩa đầy' : 'lỗi đọc ghi đĩa'}); chưa ghi gì`, `cannot write to the database (${code === 'SQLITE_FULL' ? 'disk full' : 'disk I/O error'}); nothing was written`),
      code === 'SQLITE_FULL' ? t('giải phóng chỗ trống trên đĩa rồi chạy lại', 'free some disk space, then run it again') : t('kiểm tra ổ đĩa và đường dẫn cơ sở dữ liệu', 'check the disk and the database path'),
    );
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new DatabaseError(
      t('không mở được tệp cơ sở dữ liệu (tên quá dài, thư mục không có, hoặc không có quyền)', 'cannot open the database file (name too long, no such folder, or no permission)'),
      t('kiểm tra lại đường dẫn --db hoặc TASKS_DB', 'check the --db path or TASKS_DB'),
    );
  }
  return error;
}
