/**
 * The digest as an Excel workbook: one sheet per table, dates as real date cells, counts as
 * numbers, rates as percentages, a frozen header row and widths that fit the content.
 * Written through exceljs's streaming writer, each row committed as it is added, so a list of
 * 50,000 overdue tasks never sits in memory as cell objects. Loaded only for --format xlsx
 * (and for the full list attached to a long DOCX).
 */
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Lang } from '../labels.js';
import type { Digest } from '../../domain/digest/model.js';
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

async function addSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, table: ReportTable, lang: Lang): Promise<void> {
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
  head.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    const added = sheet.addRow(row.cells.map((c) => excelValue(c, lang)));
    if (row.total) added.font = { bold: true };
    added.commit();
    // The committed rows' XML is compressed and written while the event loop runs: without a
    // turn of it now and then, a list of 50,000 rows would wait in memory as text.
    if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
}

/** Writes the workbook into `stream` (a file, or stdout) as it is made. */
export async function writeDigestXlsx(d: Digest, lang: Lang, stream: Writable): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  book.creator = 'tasks';
  // A fixed timestamp: the same digest gives the same file.
  book.created = new Date(`${d.period.today}T00:00:00Z`);
  book.modified = book.created;
  const layout = layoutDigest(d, lang);
  for (const table of layout.tables) await addSheet(book, table, lang);
  await book.commit();
}

/** The workbook as one buffer, for callers that want the bytes (small digests, tests). */
export async function renderXlsx(d: Digest, lang: Lang): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await writeDigestXlsx(d, lang, sink);
  await ended;
  return Buffer.concat(chunks);
}
