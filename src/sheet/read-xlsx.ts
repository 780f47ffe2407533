/**
 * XLSX rows through exceljs's streaming reader: shared strings and styles are cached (styles
 * tell date cells from numbers), the rows are never held all at once.
 */
import fs from 'node:fs';
import type ExcelJS from 'exceljs';
import { ValidationError, t, TasksError } from '../domain/errors.js';
import type { CellValue } from '../domain/sheet-values.js';
import { fold } from '../domain/text.js';
import { notSpreadsheet, type ReadOptions, type SheetRow } from './sheet-rows.js';
import { inflatedXmlBytes } from './zip-size.js';

/** Rich text, formulas and links become their text or result; errors (#N/A) become empty. */
function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return plainValue(v.result);
  if (v.text !== undefined) return plainValue(v.text);
  return null;
}

export async function* readXlsxRows(file: string, options: ReadOptions): AsyncGenerator<SheetRow> {
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const { patchExcelSax, listenParsed } = await import('./exceljs-utf8.js');
  patchExcelSax();
  const total = options.onProgress ? inflatedXmlBytes(file) : null;
  let parsed = 0;
  if (total) listenParsed((n) => options.onProgress!(Math.min(1, (parsed += n) / total)));
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const wanted = options.sheet === undefined ? null : fold(options.sheet);
  const seen: string[] = [];
  let found = false;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? '';
      seen.push(name);
      const take = !found && (wanted === null || fold(name) === wanted);
      // A sheet not read is still drained: the zip is one stream.
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        if (!take) continue;
        const values = row.values as unknown[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainValue(values[i]));
        yield { line: row.number, cells };
      }
      if (take) {
        found = true;
        break;
      }
    }
  } catch (error) {
    if (error instanceof TasksError) throw error;
    throw notSpreadsheet(file);
  } finally {
    listenParsed(null);
    stream.destroy();
  }
  if (!found) {
    if (wanted === null) throw new ValidationError(t(`tệp "${file}" không có trang tính nào`, `"${file}" has no worksheet`));
    throw new ValidationError(
      t(`không có trang tính "${options.sheet}"`, `no worksheet "${options.sheet}"`),
      t(`các trang tính: ${seen.join('; ')}`, `the worksheets: ${seen.join('; ')}`),
    );
  }
}
