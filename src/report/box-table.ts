/**
 * The digest's boxed tables without cli-table3, for text that needs none of its care: no colour,
 * and only characters one column wide. cli-table3 measures every word of every cell with
 * string-width (an emoji regular expression per call): at 100k tasks the terminal digest spent
 * ~3 of its ~4 s there, for ~2 000 overdue rows. This draws the same bytes (cli-table3 0.6's
 * algorithm for the options the digest uses: fixed column widths, word wrap on word boundaries,
 * compact rows, one space of left padding), with a character's width known in advance.
 * test/report/box-table.test.ts holds the two to the same output.
 */

export type Align = 'left' | 'right' | 'center';

export interface BoxTable {
  head: string[];
  colWidths: number[];
  colAligns: Align[];
  rows: string[][];
}

/**
 * Characters one column wide for string-width 4 and never part of an emoji sequence: printable
 * ASCII, Latin-1 and Latin Extended letters, the Vietnamese letters, dashes, quotes and ellipsis,
 * the arrows and triangles the digest prints. Whitespace other than the plain space is left out:
 * cli-table3 splits words on every kind of \s.
 */
const NARROW = /^[\n\x20-\x7e\u00a1-\u00ff\u0100-\u024f\u1e00-\u1eff\u2010-\u2027\u2190-\u2193\u25b2\u25b3\u25bc\u25bd]*$/;

/** Whether every string can be drawn here (else the caller keeps cli-table3). */
export function allNarrow(texts: Iterable<string>): boolean {
  for (const text of texts) if (!NARROW.test(text)) return false;
  return true;
}

/** cli-table3's strlen for narrow text: the widest line. */
function strlen(text: string): number {
  if (!text.includes('\n')) return text.length;
  return Math.max(...text.split('\n').map((line) => line.length));
}

/** cli-table3's wordWrap, word for word (including how it counts leading whitespace). */
function wordWrap(maxLength: number, input: string): string[] {
  const lines: string[] = [];
  const split = input.split(/(\s+)/g);
  let line: string[] = [];
  let lineLength = 0;
  let whitespace: string | undefined;
  for (let i = 0; i < split.length; i += 2) {
    const word = split[i];
    let newLength = lineLength + strlen(word);
    if (lineLength > 0 && whitespace) newLength += whitespace.length;
    if (newLength > maxLength) {
      if (lineLength !== 0) lines.push(line.join(''));
      line = [word];
      lineLength = strlen(word);
    } else {
      line.push(whitespace || '', word);
      lineLength = newLength;
    }
    whitespace = split[i + 1];
  }
  if (lineLength) lines.push(line.join(''));
  return lines;
}

function cellLines(content: string, width: number): string[] {
  const lines: string[] = [];
  for (const part of content.split('\n')) lines.push(...wordWrap(width, part));
  return lines;
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function pad(text: string, length: number, align: Align): string {
  const padding = length - text.length;
  if (align === 'right') return ' '.repeat(padding) + text;
  if (align === 'center') {
    const right = Math.ceil(padding / 2);
    return ' '.repeat(padding - right) + text + ' '.repeat(right);
  }
  return text + ' '.repeat(padding);
}

/** The table as cli-table3 draws it with the digest's options (see terminal.ts). */
export function renderBoxTable(table: BoxTable): string {
  const { colWidths: widths, colAligns: aligns } = table;
  const out = [`┌${widths.map((w) => '─'.repeat(w)).join('┬')}┐`];
  const blanks = widths.map((w) => `│${' '.repeat(w)}`);
  const drawRow = (cells: string[]): void => {
    const lines: string[][] = [];
    let height = 1;
    for (let x = 0; x < widths.length; x++) {
      const wrapped = cellLines(cells[x] ?? '', widths[x] - 1);
      lines.push(wrapped);
      if (wrapped.length > height) height = wrapped.length;
    }
    for (let n = 0; n < height; n++) {
      let line = '';
      for (let x = 0; x < widths.length; x++) {
        const text = lines[x][n];
        line += text === undefined ? blanks[x] : `│ ${pad(truncate(text, widths[x] - 1), widths[x] - 1, aligns[x] ?? 'left')}`;
      }
      out.push(`${line}│`);
    }
  };
  drawRow(table.head);
  for (const row of table.rows) drawRow(row);
  out.push(`└${widths.map((w) => '─'.repeat(w)).join('┴')}┘`);
  return out.join('\n');
}
