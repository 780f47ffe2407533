/**
 * The digest as an Excel workbook: one sheet per table, dates as real date cells, counts as
 * numbers, rates as percentages, a frozen header row and widths that fit the content.
 * Loaded only when --format xlsx is asked for.
 */
import ExcelJS from 'exceljs';
import type { Lang } from '../labels.js';
import type { Digest } from './model.js';
import { neutraliseFormula } from './safe-cell.js';
import { cellText, layoutDigest, type Cell, type ReportTable } from './tables.js';

/** A date cell at UTC midnight, so the day shown never depends on the machine's time zone. */
function excelValue(cell: Cell, lang: Lang): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') return neutraliseFormula(cell);
  if ('date' in cell) return cell.date === null ? null : new Date(`${cell.date}T00:00:00Z`);
  if ('rate' in cell) return cell.rate;
  return neutraliseFormula(cellText(cell, lang));
}

function addSheet(book: ExcelJS.Workbook, table: ReportTable, lang: Lang): void {
  const sheet = book.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: Math.min(60, Math.max(c.width, c.header.length + 2)),
    style: {
      numFmt: c.kind === 'date' ? 'dd/mm/yyyy' : c.kind === 'rate' ? '0.0%' : undefined,
      alignment: c.kind === 'long' || c.kind === 'text' ? { wrapText: true, vertical: 'top' } : { vertical: 'top' },
    },
  }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (const row of table.rows) {
    const added = sheet.addRow(row.cells.map((c) => excelValue(c, lang)));
    if (row.total) added.font = { bold: true };
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
}

export async function renderXlsx(d: Digest, lang: Lang): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'tasks';
  // A fixed timestamp: the same digest gives the same file.
  book.created = new Date(`${d.period.today}T00:00:00Z`);
  book.modified = book.created;
  const layout = layoutDigest(d, lang);
  for (const table of layout.tables) addSheet(book, table, lang);
  return Buffer.from(await book.xlsx.writeBuffer());
}
