/**
 * Opens a tracker spreadsheet for `tasks import-sheet`: checks the file a user named and picks
 * the reader by its kind. Both readers stream, so a sheet of 200 MB never sits in memory whole.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ValidationError, t } from '../domain/errors.js';
import { firstBytes } from '../io/file-head.js';
import { statUserFile } from '../io/user-file.js';
import { notSpreadsheet, type ReadOptions, type SheetRow } from './sheet-rows.js';


export const MAX_SHEET_BYTES = 200 * 1024 * 1024;

export interface SheetFile {
  path: string;
  kind: 'xlsx' | 'csv';
  bytes: number;
}

export function checkSheetFile(file: string): SheetFile {
  const stat = statUserFile(file);
  if (stat.size === 0) throw new ValidationError(t(`tệp "${file}" rỗng`, `file "${file}" is empty`));
  if (stat.size > MAX_SHEET_BYTES) {
    throw new ValidationError(
      t(`tệp "${file}" quá lớn (${Math.ceil(stat.size / 1048576)} MB, tối đa 200 MB)`, `file "${file}" is too large (${Math.ceil(stat.size / 1048576)} MB, at most 200 MB)`),
      t('tách bảng thành nhiều tệp, mỗi tệp dưới 200 MB', 'split the sheet into files under 200 MB'),
    );
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xls' || ext === '.ods') {
    throw new ValidationError(
      t(`chưa đọc được tệp ${ext}`, `${ext} files cannot be read`),
      t('mở tệp trong Excel hoặc LibreOffice và lưu thành .xlsx hoặc .csv (UTF-8)', 'open it in Excel or LibreOffice and save it as .xlsx or .csv (UTF-8)'),
    );
  }
  const head = firstBytes(file, 4);
  const zip = head[0] === 0x50 && head[1] === 0x4b;
  if (ext === '.xlsx' || ext === '.xlsm' || (zip && ext !== '.csv' && ext !== '.txt')) {
    if (!zip) throw notSpreadsheet(file);
    return { path: file, kind: 'xlsx', bytes: stat.size };
  }
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return { path: file, kind: 'csv', bytes: stat.size };
  throw new ValidationError(t(`không nhận dạng được tệp "${file}"`, `unknown kind of file "${file}"`), t('import-sheet nhận tệp .xlsx hoặc .csv', 'import-sheet takes .xlsx or .csv files'));
}

/** The rows of the sheet, in order, empty rows included (as the spreadsheet numbers them). */
export async function* readSheetRows(file: SheetFile, options: ReadOptions): AsyncGenerator<SheetRow> {
  if (file.kind === 'xlsx') yield* (await import('./read-xlsx.js')).readXlsxRows(file.path, options);
  else yield* (await import('./read-csv.js')).readCsvRows(file.path, options);
}

/** The sha256 of the file's bytes: the same sheet imported twice is recognised by it. */
export async function hashSheetFile(file: SheetFile): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file.path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
