/** The digest on a terminal: one boxed table per section, coloured by bucket, at most 100 columns. */
import Table from 'cli-table3';
import { formatDate } from '../../domain/dates.js';
import type { ChalkInstance } from 'chalk';
import { allNarrow, renderBoxTable, type Align } from '../box-table.js';
import { paintBucket, painter, safe, type RenderOptions } from '../terminal.js';
import type { Digest } from '../../domain/digest/model.js';
import { cellText, layoutDigest, type ReportTable } from './tables.js';
import { dw } from './words.js';

const MAX_WIDTH = 100;

/**
 * Column widths in proportion to each column's share, never below what its numbers need and
 * never above what its longest cell needs, so a short table stays narrow.
 */
function widthsFor(table: ReportTable, width: number, texts: string[][]): number[] {
  const borders = table.columns.length + 1;
  const room = width - borders;
  const longest = table.columns.map((c, i) => Math.max(...texts.map((row) => [...row[i]].length), ...c.header.split(' ').map((w) => [...w].length)));
  // One space of padding on the left: a column is one wider than its text.
  const floor = table.columns.map((c, i) => {
    if (c.kind === 'date') return 11;
    if (c.kind === 'int') return Math.min(longest[i], 6) + 1;
    if (c.kind === 'rate') return 8;
    return c.kind === 'text' ? Math.max(8, Math.min(longest[i], 13) + 1) : 10;
  });
  const share = table.columns.reduce((a, c) => a + c.width, 0);
  const widths = table.columns.map((c, i) => Math.max(floor[i], Math.min(Math.floor((room * c.width) / share), longest[i] + 1)));
  // Take any excess back from the widest text columns.
  let excess = widths.reduce((a, b) => a + b, 0) - room;
  while (excess > 0) {
    const widest = widths.indexOf(Math.max(...widths));
    widths[widest] -= 1;
    excess -= 1;
  }
  return widths;
}

const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

function renderTable(table: ReportTable, options: RenderOptions, paint: ChalkInstance): string {
  if (table.rows.length === 0) return paint.dim(dw(options.lang, 'none'));
  const width = Math.min(MAX_WIDTH, options.width || MAX_WIDTH);
  const texts = table.rows.map((row) => row.cells.map((c) => safe(cellText(c, options.lang))));
  const head = table.columns.map((c) => c.header);
  const colWidths = widthsFor(table, width, texts);
  const colAligns = table.columns.map((c): Align => (c.kind === 'int' || c.kind === 'rate' ? 'right' : c.kind === 'date' ? 'center' : 'left'));
  // Without colour, narrow text is drawn here, byte for byte as cli-table3 would, at a fraction of
  // its cost (box-table.ts); colour and wide or combining characters keep cli-table3.
  if (!options.color && allNarrow(head) && texts.every((row) => allNarrow(row))) return renderBoxTable({ head, colWidths, colAligns, rows: texts });
  const t = new Table({
    head: head.map((h) => paint.bold(h)),
    colWidths,
    chars: COMPACT,
    colAligns,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 0 },
  });
  for (const [i, row] of table.rows.entries()) {
    const cells = texts[i];
    t.push(cells.map((text) => (row.total ? paint.bold(text) : row.bucket ? paintBucket(paint, row.bucket, text) : text)));
  }
  return t.toString();
}

/** Wraps prose at word boundaries so it stays within the table width. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

export function renderTerminal(d: Digest, options: RenderOptions): string {
  const paint = painter(options);
  const layout = layoutDigest(d, options.lang);
  const out = [paint.bold(`${layout.title}: ${layout.summary}`), paint.dim(`${d.settings['org.place']}, ${formatDate(d.period.today)}`), ''];
  for (const line of layout.intro) out.push(wrap(safe(line), Math.min(MAX_WIDTH, options.width || MAX_WIDTH)));
  const width = Math.min(MAX_WIDTH, options.width || MAX_WIDTH);
  for (const table of layout.tables) {
    out.push('', paint.bold(table.title), renderTable(table, options, paint));
    for (const note of table.notes ?? []) out.push(paint.dim(wrap(safe(note), width)));
  }
  if (layout.proposals) {
    out.push('', paint.bold(layout.proposals.title));
    for (const p of layout.proposals.paragraphs) out.push(wrap(safe(p), width));
  }
  out.push('', wrap(safe(layout.closing), width));
  return `${out.join('\n')}\n`;
}
