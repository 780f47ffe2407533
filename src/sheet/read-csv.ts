/**
 * CSV rows, streamed through csv-parse: quoted fields with commas, quotes and line breaks, a
 * byte-order mark, and the separator Excel uses where the decimal mark is a comma (";", as
 * Vietnamese Windows writes it) or a tab.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { ValidationError, t } from '../domain/errors.js';
import { firstBytes } from '../io/file-head.js';
import type { ReadOptions, SheetRow } from './sheet-rows.js';

const SNIFF_BYTES = 64 * 1024;

/**
 * The separator: the one of , ; tab that the first lines hold most of, outside quotes. Several
 * lines, because a tracker often opens with a title line that has none.
 */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  let lines = 0;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n' && ++lines >= 20) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [c, n] of counts) if (n > counts.get(best)!) best = c;
  return best;
}

function sniff(file: string): string {
  const head = firstBytes(file, SNIFF_BYTES);
  if (head.includes(0)) {
    throw new ValidationError(
      t(`tệp "${file}" không phải CSV (có byte 0; có thể là UTF-16 hoặc tệp nhị phân)`, `"${file}" is not CSV (it has zero bytes: UTF-16 or binary)`),
      t('trong Excel chọn Lưu thành "CSV UTF-8 (phân tách bằng dấu phẩy)"', 'in Excel choose Save As "CSV UTF-8 (Comma delimited)"'),
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    throw new ValidationError(
      t(`tệp "${file}" không phải UTF-8 (có thể là bảng mã TCVN3 hoặc Windows-1258)`, `"${file}" is not UTF-8`),
      t('trong Excel chọn Lưu thành "CSV UTF-8 (phân tách bằng dấu phẩy)"', 'in Excel choose Save As "CSV UTF-8 (Comma delimited)"'),
    );
  }
}

export async function* readCsvRows(file: string, options: ReadOptions): AsyncGenerator<SheetRow> {
  const delimiter = sniffDelimiter(sniff(file).replace(/^\ufeff/, ''));
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  let read = 0;
  const size = fs.statSync(file).size;
  if (options.onProgress) stream.on('data', (chunk) => options.onProgress!((read += chunk.length) / size));
  const parser = stream.pipe(
    parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, encoding: 'utf8' }),
  );
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      yield { line, cells: record.map((c) => (c === '' ? null : c)) };
    }
  } catch (error) {
    const detail = (error as Error).message ?? String(error);
    throw new ValidationError(t(`tệp CSV "${file}" hỏng sau dòng ${line}: ${detail}`, `CSV file "${file}" is broken after row ${line}: ${detail}`), t('kiểm tra dấu ngoặc kép trong tệp', 'check the quotes in the file'));
  } finally {
    stream.destroy();
  }
}
