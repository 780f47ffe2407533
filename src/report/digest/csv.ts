/**
 * The digest as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Vietnamese
 * as Windows-1252), CRLF line ends, each table under its title with a blank line between.
 */
import { formatDate } from '../../domain/dates.js';
import type { Lang } from '../labels.js';
import type { Digest } from '../../domain/digest/model.js';
import { csvField } from './safe-cell.js';
import { cellText, layoutDigest, type Cell } from './tables.js';

const BOM = '\ufeff';

/** Numbers stay numbers; dates are written dd/mm/yyyy, as Vietnamese Excel reads them. */
function csvCell(cell: Cell, lang: Lang): string {
  if (typeof cell === 'number') return String(cell);
  if (cell !== null && typeof cell === 'object' && 'rate' in cell) return cell.rate === null ? '' : (Math.round(cell.rate * 1000) / 10).toFixed(1);
  return csvField(cellText(cell, lang));
}

export function renderCsv(d: Digest, lang: Lang): string {
  const layout = layoutDigest(d, lang);
  const lines: string[] = [csvField(`${layout.title} ${layout.summary}`), csvField(`${d.settings['org.place']}, ${formatDate(d.period.today)}`), ''];
  for (const table of layout.tables) {
    lines.push(csvField(table.title));
    lines.push(table.columns.map((c) => csvField(c.kind === 'rate' ? `${c.header} (%)` : c.header)).join(','));
    for (const row of table.rows) lines.push(row.cells.map((c) => csvCell(c, lang)).join(','));
    lines.push('');
  }
  return BOM + lines.join('\r\n');
}
