/** Reads a user-named text file, turning the usual mistakes into one clear line. */
import fs from 'node:fs';
import { ValidationError, t } from '../domain/errors.js';
import { statUserFile } from '../io/user-file.js';

const MAX_BYTES = 5 * 1024 * 1024;

export function readTextFile(file: string): string {
  const stat = statUserFile(file);
  if (stat.size > MAX_BYTES) throw new ValidationError(t(`tệp "${file}" quá lớn (trên 5 MB)`, `file "${file}" is too large (over 5 MB)`));
  const bytes = fs.readFileSync(file);
  if (bytes.length === 0) throw new ValidationError(t(`tệp "${file}" rỗng`, `file "${file}" is empty`));
  if (bytes.includes(0)) throw new ValidationError(t(`tệp "${file}" không phải là văn bản (có byte 0)`, `file "${file}" is not text`));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError(t(`tệp "${file}" không phải UTF-8`, `file "${file}" is not UTF-8`), t('lưu lại tệp với bảng mã UTF-8', 'save the file as UTF-8'));
  }
}
