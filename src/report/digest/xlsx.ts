/**
 * The digest as an Excel workbook: one sheet per table, dates as real date cells, counts as
 * numbers, rates as percentages, a frozen header row and widths that fit the content.
 * Written through exceljs's streaming writer, each row committed as it is added, so a list of
 * 50,000 overdue tasks never sits in memory as cell objects. Loaded only for --format xlsx
 * (and for the full list attached to a long DOCX).
 */
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatDate } from '../../domain/dates.js';
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

/** The report's title, the as-of line and the period: the rows above every sheet's table. */
export interface SheetHeading {
  title: string;
  lines: string[];
}

/** Header row of every table: under the title, the place and date, the period and the as-of line. */
export const HEADER_ROW = 5;

async function addSheet(book: ExcelJS.stream.xlsx.WorkbookWriter, table: ReportTable, lang: Lang, heading: SheetHeading): Promise<void> {
  const sheet = book.addWorksheet(table.sheet.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    // A4 landscape, one page wide and as many long as it takes, the header row on every page.
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  sheet.columns = table.columns.map((c) => ({
    width: Math.min(60, Math.max(c.width, c.header.length + 2)),
    style: {
      numFmt: c.kind === 'date' ? 'dd/mm/yyyy' : c.kind === 'rate' ? '0.0%' : undefined,
      // Wrapped, with no fixed row height: a long cell makes its row taller instead of spilling over the next.
      alignment: c.kind === 'long' || c.kind === 'text' ? { wrapText: true, vertical: 'top' } : { vertical: 'top' },
    },
  }));
  const lines = [`${heading.title} — ${table.title}`, ...heading.lines].slice(0, HEADER_ROW - 1);
  for (const [i, text] of lines.entries()) {
    const row = sheet.addRow([neutraliseFormula(text)]);
    row.getCell(1).alignment = { wrapText: false, vertical: 'top' };
    row.font = i === 0 ? { bold: true, size: 13 } : { italic: true };
    row.commit();
  }
  for (let i = lines.length; i < HEADER_ROW - 1; i++) sheet.addRow([]).commit();
  const head = sheet.addRow(table.columns.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  head.commit();
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: table.columns.length } };
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
  const heading = { title: `${layout.title}: ${layout.summary}`, lines: [`${d.settings['org.place']}, ${formatDate(d.period.today)}`, ...layout.intro.slice(0, 2)] };
  for (const table of layout.tables) await addSheet(book, table, lang, heading);
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
