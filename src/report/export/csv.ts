/**
 * `tasks export --format csv`: one header row and one row per task, UTF-8 with a byte-order
 * mark and CRLF, dates dd/mm/yyyy, formula-like text neutralised (import-sheet takes the
 * apostrophe off again).
 */
import type { ExportedTask } from '../../report-model/export.js';
import { csvField } from '../digest/safe-cell.js';
import { EXPORT_COLUMNS, exportCells, type ExportCell } from './columns.js';

function csvCell(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return csvField(cell);
  const d = cell.date;
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

export function csvHead(): string {
  return `\ufeff${EXPORT_COLUMNS.map((c) => csvField(c.header)).join(',')}\r\n`;
}

export function csvRows(tasks: ExportedTask[]): string {
  let out = '';
  for (const task of tasks) out += `${exportCells(task).map(csvCell).join(',')}\r\n`;
  return out;
}
