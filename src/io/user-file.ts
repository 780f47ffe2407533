/** A file a user named on the command line: there, and a file rather than a folder, or one clear line. */
import fs from 'node:fs';
import { ValidationError, t } from '../domain/errors.js';

export function statUserFile(file: string): fs.Stats {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ValidationError(t(`không có tệp "${file}"`, `no file "${file}"`), t('kiểm tra lại đường dẫn', 'check the path'));
  }
  if (!stat.isFile()) throw new ValidationError(t(`"${file}" không phải là tệp`, `"${file}" is not a file`));
  return stat;
}
