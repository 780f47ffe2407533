/**
 * A .docx as mammoth renders it to HTML → blocks. Word numbers lists itself, so the numbers are
 * not in the text; they are written back ("1.", "a)", "(1)" by depth; "-", "+" for bullets) for
 * the item splitter to see the structure the reader sees. Tables stay tables, one row a block,
 * each cell's paragraphs kept apart by "\n"; footnotes become notes, their marks taken out of
 * the sentence they were glued to.
 */
import { note, paragraph, row, type Block } from './block.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function marker(kind: 'ol' | 'ul', depth: number, n: number): string {
  if (kind === 'ul') return depth % 2 === 0 ? '-' : '+';
  if (depth % 3 === 0) return `${n}.`;
  if (depth % 3 === 1) return `${String.fromCharCode(96 + Math.min(n, 26))})`;
  return `(${n})`;
}

function clean(text: string): string {
  return text.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

export function docxBlocks(html: string): Block[] {
  // Footnote references and the footnotes' back links are not text of the document.
  const source = html
    .replace(/<sup><a href="#(?:footnote|endnote)-\d+"[^>]*>[^<]*<\/a><\/sup>/g, '')
    .replace(/<a href="#(?:footnote|endnote)-ref-\d+"[^>]*>[^<]*<\/a>/g, '');
  const blocks: Block[] = [];
  const lists: { kind: 'ol' | 'ul'; n: number; notes: boolean }[] = [];
  let tables = 0;
  let tableDepth = 0;
  let currentTable = -1;
  let cells: string[] | null = null;
  let cell: string | null = null;
  let rowBold = true;
  let text = '';
  let bold = true;
  let strong = 0;
  let count = 0;
  let inNote = false;
  const flush = () => {
    const value = clean(text);
    if (value) {
      count += 1;
      if (inNote) blocks.push(note(value, 1, count));
      else blocks.push(paragraph(value, 1, count, bold));
    }
    text = '';
    bold = true;
  };
  for (const m of source.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
    if (m[4] !== undefined) {
      const value = decode(m[4]);
      if (value.trim() && strong === 0) {
        if (cell !== null) rowBold = false;
        else bold = false;
      }
      if (cell !== null) cell += value;
      else text += value;
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (tag === 'strong' || tag === 'b') strong += closing ? -1 : 1;
    else if (tag === 'table') {
      if (!closing) {
        tableDepth += 1;
        if (tableDepth === 1) {
          flush();
          currentTable = tables++;
        }
      } else tableDepth -= 1;
    } else if (tableDepth > 0) {
      if (tableDepth > 1) {
        // A table inside a cell: its text joins the cell.
        if (cell !== null && (tag === 'p' || tag === 'td' || tag === 'th') && closing) cell += '\n';
        continue;
      }
      if (tag === 'tr') {
        if (!closing) {
          cells = [];
          rowBold = true;
        } else if (cells) {
          count += 1;
          if (cells.some(Boolean)) blocks.push(row(cells, 1, count, currentTable, rowBold));
          cells = null;
        }
      } else if (tag === 'td' || tag === 'th') {
        if (!closing) cell = '';
        else if (cells) {
          cells.push(clean(cell ?? ''));
          cell = null;
        }
      } else if (cell !== null && (tag === 'p' || tag === 'br' || tag === 'li') && (closing || tag === 'br')) cell += '\n';
    } else if (tag === 'ol' || tag === 'ul') {
      flush();
      if (closing) lists.pop();
      else lists.push({ kind: tag, n: 0, notes: false });
    } else if (tag === 'li' && !closing) {
      flush();
      inNote = /id="(?:footnote|endnote)-\d+"/.test(m[3]);
      const list = lists.at(-1);
      if (list && !inNote) {
        list.n += 1;
        text = `${marker(list.kind, lists.length - 1, list.n)} `;
      }
    } else if (tag === 'br') text += '\n';
    else if (closing && /^(?:p|h[1-6]|li)$/.test(tag)) {
      flush();
      if (tag === 'li') inNote = false;
    }
  }
  flush();
  // Shift+Enter inside a paragraph is a line of the same paragraph.
  return blocks.map((b) => (b.kind === 'row' ? b : { ...b, text: b.text.replace(/\n/g, ' ') }));
}
