/**
 * Where a report goes: a file named by --out (written whole or not at all), or stdout. A binary
 * format is not poured onto a terminal.
 */
import fs from 'node:fs';
import { ValidationError, t } from '../domain/errors.js';
import { beginAtomicWrite, writeAll } from '../io/atomic-file.js';
import { checkOutPath } from '../io/out-path.js';
import { io } from './io.js';

/** The absolute path --out names, refused in one line when it is no place for a report (see io/out-path.ts). */
export function outTarget(out: string, exampleVi: string, exampleEn: string): string {
  const checked = checkOutPath(out, exampleVi, exampleEn);
  return checked.kind === 'stdout' ? '-' : checked.path;
}

export function cannotWrite(out: string, error: unknown): ValidationError {
  const code = (error as { code?: string }).code ?? '';
  const why =
    code === 'ENOSPC' ? t('đĩa đầy', 'disk full') : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? t('không có quyền ghi', 'permission denied') : code === 'ENAMETOOLONG' ? t('tên quá dài', 'name too long') : t(code, code);
  return new ValidationError(t(`không ghi được tệp "${out}" (${why.vi})`, `cannot write "${out}" (${why.en})`), t('kiểm tra quyền ghi, chỗ trống, hoặc tệp đang mở trong Word/Excel', 'check permissions and free space, or whether Word/Excel has it open'));
}

function refuseBinaryOnTerminal(binary: boolean): void {
  if (binary && io().stdout.isTTY) {
    throw new ValidationError(t('định dạng này là tệp nhị phân, không in ra màn hình được', 'this format is binary and cannot be shown on a terminal'), t('thêm --out, ví dụ --out bao-cao.docx', 'add --out, e.g. --out report.docx'));
  }
}

/** Writes the report; the path written, or null for stdout. */
export function writeReport(content: string | Buffer, out: string | undefined, binary: boolean): string | null {
  const checked = out === undefined ? ({ kind: 'stdout' } as const) : checkOutPath(out, 'bao-cao.docx', 'report.docx');
  if (checked.kind === 'stdout') {
    refuseBinaryOnTerminal(binary);
    io().stdout.write(content);
    return null;
  }
  if (checked.kind === 'null') {
    // Written to, never renamed over: the device stays a device.
    fs.writeFileSync(checked.path, content);
    return checked.path;
  }
  // Written beside the target and renamed, so a reader never sees half a file.
  let file;
  try {
    file = beginAtomicWrite(checked.path);
    writeAll(file.fd, content);
    file.commit();
  } catch (error) {
    file?.abort();
    throw cannotWrite(out!, error);
  }
  return checked.path;
}
