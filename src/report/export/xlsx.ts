/**
 * `tasks export --format xlsx` through exceljs's streaming writer: rows are committed as they
 * are added, so 100 000 tasks never sit in memory as cell objects. Dates are real date cells
 * (UTC midnight, shown dd/mm/yyyy), the header is bold and frozen, widths fit the content.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportedTask } from '../../report-model/export.js';
import type { IsoDate } from '../../domain/dates.js';
import { neutraliseFormula } from '../digest/safe-cell.js';
import { EXPORT_COLUMNS, exportCells, type ExportCell } from './columns.js';

function excelValue(cell: ExportCell): ExcelJS.CellValue {
  if (cell === null || typeof cell === 'number') return cell;
  if (typeof cell === 'string') return neutraliseFormula(cell);
  return new Date(`${cell.date}T00:00:00Z`);
}

export async function writeExportXlsx(pages: AsyncIterable<ExportedTask[]>, stream: Writable, today: IsoDate): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  book.creator = 'tasks';
  book.created = new Date(`${today}T00:00:00Z`);
  book.modified = book.created;
  const sheet = book.addWorksheet('Nhiệm vụ', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.width,
    // Only the columns that need a style get one: exceljs looks every styled cell's style up
    // again as it writes it, the larger part of the time a big export takes.
    style: c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : c.kind === 'long' ? { alignment: { wrapText: true, vertical: 'top' } } : {},
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  head.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  let count = 0;
  for await (const tasks of pages) {
    for (const task of tasks) sheet.addRow(exportCells(task).map(excelValue)).commit();
    count += tasks.length;
  }
  sheet.commit();
  await book.commit();
  return count;
}
