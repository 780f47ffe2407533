/** What both readers (read-xlsx.ts, read-csv.ts) give and take, and the refusal they share. */
import { ValidationError, t } from '../domain/errors.js';
import type { CellValue } from '../domain/sheet-values.js';

export interface SheetRow {
  /** The row number the spreadsheet shows (the header row counted). */
  line: number;
  /** Column A first. */
  cells: CellValue[];
}

export interface ReadOptions {
  sheet?: string;
  /** Called with the share of the file read so far (0 to 1), for the progress bar. */
  onProgress?: (share: number) => void;
}

export function notSpreadsheet(file: string): ValidationError {
  return new ValidationError(
    t(`tệp "${file}" không phải bảng tính Excel (.xlsx) đọc được`, `"${file}" is not a readable Excel workbook (.xlsx)`),
    t('mở tệp trong Excel và lưu lại thành .xlsx hoặc .csv (UTF-8)', 'open it in Excel and save it again as .xlsx or .csv (UTF-8)'),
  );
}
