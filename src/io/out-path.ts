/**
 * What an --out path names, checked before anything is written: standard output (`-`,
 * `/dev/stdout`), the null device, or a regular file that may be replaced. Refused in one line: a
 * missing folder, a folder, a FIFO, a socket or any other device, and any SQLite database or its
 * -wal, -shm or -journal file (the tracker in use above all), which a report must never replace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ValidationError, t } from '../domain/errors.js';
import { firstBytes } from './file-head.js';

export type OutPath = { kind: 'stdout' } | { kind: 'null'; path: string } | { kind: 'file'; path: string };

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const STDOUT_NAMES = new Set(['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']);

function head(file: string, length: number): Buffer {
  try {
    return firstBytes(file, length);
  } catch {
    return Buffer.alloc(0);
  }
}

function isSqliteFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
  } catch {
    return false;
  }
  return head(file, SQLITE_HEADER.length).equals(SQLITE_HEADER);
}

function isWalFile(file: string): boolean {
  const magic = head(file, 4);
  return magic.length === 4 && (magic.readUInt32BE(0) & 0xfffffffe) === 0x377f0682;
}

function refused(out: string, what: { vi: string; en: string }, hint?: { vi: string; en: string }): ValidationError {
  return new ValidationError(
    t(`không ghi đè "${out}": ${what.vi}`, `"${out}" not overwritten: ${what.en}`),
    hint ? t(hint.vi, hint.en) : t('chọn một tên tệp khác cho --out', 'choose another file name for --out'),
  );
}

/** Checks what --out names; `exampleVi`/`exampleEn` are file names the hint suggests. */
export function checkOutPath(out: string, exampleVi: string, exampleEn: string): OutPath {
  if (out === '-' || STDOUT_NAMES.has(out)) return { kind: 'stdout' };
  if (out === '') {
    throw new ValidationError(t('--out cần tên tệp', '--out needs a file name'), t(`ví dụ --out ${exampleVi}`, `e.g. --out ${exampleEn}`));
  }
  const target = path.resolve(out);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new ValidationError(t(`không có thư mục "${path.dirname(out)}"`, `no directory "${path.dirname(out)}"`), t('kiểm tra lại đường dẫn --out', 'check the --out path'));
  }
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(target);
  } catch {
    stat = null;
  }
  if (stat) {
    if (stat.isDirectory()) {
      throw new ValidationError(t(`"${out}" là một thư mục`, `"${out}" is a directory`), t(`--out cần tên tệp, ví dụ ${exampleVi}`, `--out takes a file name, e.g. ${exampleEn}`));
    }
    if (!stat.isFile()) {
      const real = fs.realpathSync(target);
      if (real === '/dev/null') return { kind: 'null', path: real };
      if (STDOUT_NAMES.has(real)) return { kind: 'stdout' };
      const kind = stat.isFIFO() ? { vi: 'đó là một ống (FIFO)', en: 'it is a FIFO' } : stat.isSocket() ? { vi: 'đó là một socket', en: 'it is a socket' } : { vi: 'đó là một thiết bị', en: 'it is a device' };
      throw refused(out, kind, { vi: `--out cần một tệp thường, ví dụ ${exampleVi}; "-" để in ra màn hình`, en: `--out takes a regular file, e.g. ${exampleEn}; "-" for standard output` });
    }
    if (isSqliteFile(target)) throw refused(out, { vi: 'đó là một cơ sở dữ liệu', en: 'it is a database' });
    if (isWalFile(target)) throw refused(out, { vi: 'đó là tệp nhật ký của một cơ sở dữ liệu', en: 'it is a database journal' });
  }
  const companion = /^(.*)-(wal|shm|journal)$/.exec(target);
  if (companion && isSqliteFile(companion[1])) throw refused(out, { vi: 'đó là tệp đi kèm của một cơ sở dữ liệu', en: 'it belongs to a database' });
  return { kind: 'file', path: target };
}
