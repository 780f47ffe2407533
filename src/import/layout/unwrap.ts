/**
 * Lines as a page shows them → paragraphs. A PDF's text layer and pdftotext's output break
 * every sentence at the right margin; the reader joins them back the way a person reads them:
 * a line goes on the paragraph above unless that paragraph visibly ended (a short last line
 * after a full stop or a colon, a blank line or a wider gap, a first-line indent) or the line
 * opens a list item. Page numbers and footnotes are taken out before joining.
 */
import { markerOf } from '../items.js';
import { note, paragraph, type Block } from './block.js';

export interface Line {
  text: string;
  page: number;
  /** 1-based line on its page. */
  line: number;
  /** Left and right edge: characters for text, points for PDF. */
  left: number;
  right: number;
  /** A blank line or a wider gap than the page's line spacing comes before it. */
  gapBefore: boolean;
  /** Set by the PDF reader for text set smaller than the body (footnotes). */
  small?: boolean;
  bold?: boolean;
}

const SENTENCE_END = /(?:[.;:!?…]|\.\/\.)["”’)\]]*\s*$/u;
const PAGE_NUMBER = /^(?:trang\s*)?[-–\s]*\d{1,3}(?:\s*\/\s*\d{1,3})?[-–\s]*$/iu;
const RULE = /^[\s_\-–—=.*]{3,}$/u;
/** Words that always open a paragraph of their own. */
const OPENERS = /^(?:Kính gửi|Nơi nhận|KT\.|TM\.|TL\.|TUQ\.|Q\.|PHỤ LỤC|Phụ lục)\b/u;

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Where a page's full lines end and its text starts: what "short" and "indented" are measured against. */
function margins(lines: Line[]): { left: number; right: number; tolerance: number; wrapped: boolean } {
  const long = lines.filter((l) => l.text.length >= 30);
  const right = quantile(long.map((l) => l.right), 0.8);
  const left = quantile(long.map((l) => l.left), 0.2);
  const tolerance = Math.max(2, (right - left) * 0.1);
  // Hard-wrapped text has most of its long lines ending at the same edge; text typed one paragraph a line does not.
  const atEdge = long.filter((l) => Math.abs(l.right - right) <= tolerance).length;
  return { left, right, tolerance, wrapped: long.length > 0 && atEdge >= long.length * 0.5 };
}

/** The numbers glued to a word as footnote references ("hành chính1", "Bảo Lộc[1]"). */
function footnoteMarks(lines: Line[]): Set<string> {
  const marks = new Set<string>();
  for (const l of lines) {
    for (const m of l.text.matchAll(/[\p{Ll})](\d{1,2})(?=[\s,.;:)]|$)|\[(\d{1,2})\]/gu)) marks.add(m[1] ?? m[2]);
  }
  return marks;
}

function isNoteStart(line: Line, marks: Set<string>): boolean {
  const m = /^(\d{1,2})\s+\p{Lu}/u.exec(line.text.trim());
  return m !== null && marks.has(m[1]);
}

function startsParagraph(prev: Line, next: Line, m: ReturnType<typeof margins>): boolean {
  if (next.gapBefore) return true;
  const text = next.text.trim();
  const before = prev.text.trim();
  if (RULE.test(before) || RULE.test(text)) return true;
  if (OPENERS.test(text)) return true;
  if (/\.\/\.\s*$/.test(before)) return true;
  const ended = SENTENCE_END.test(before);
  const short = prev.right < m.right - m.tolerance;
  const marker = markerOf(text);
  if (marker && marker.style !== 'words') return ended || short || !/\p{Ll}$/u.test(before);
  if (/^\p{Ll}/u.test(text)) return false;
  if (ended && (short || !m.wrapped)) return true;
  if (ended && next.left > m.left + m.tolerance / 2) return true;
  // A short line with no stop before a capital: a heading or a line of the header. Before a number
  // ("… trước ngày" + "30/9/2026.") or a sign, the sentence goes on.
  return short && !/[,\-–]$/.test(before) && (ended || /^[\p{Lu}"“(]/u.test(text));
}

/**
 * Paragraphs and notes of a run of lines. Page numbers are dropped; a footnote (a line that
 * starts with the number of a reference glued to a word above, or small print at a page's foot)
 * becomes a note with its continuation lines, and its reference mark is taken off the word.
 */
export function unwrapLines(lines: Line[]): Block[] {
  const marks = footnoteMarks(lines);
  const body: Line[] = [];
  const notes: Block[] = [];
  let inNote: { text: string; page: number; line: number } | null = null;
  for (const l of lines) {
    const text = l.text.trim();
    if (!text) continue;
    if (PAGE_NUMBER.test(text)) continue;
    if (inNote && l.page === inNote.page && !l.gapBefore && !isNoteStart(l, marks) && (l.small || !markerOf(text))) {
      inNote.text += ` ${text}`;
      continue;
    }
    if (inNote) notes.push(note(inNote.text, inNote.page, inNote.line));
    inNote = null;
    if ((l.small && /^\d{1,2}\s/.test(text)) || isNoteStart(l, marks)) {
      inNote = { text: text.replace(/^(\d{1,2})\s+/, '$1 '), page: l.page, line: l.line };
      continue;
    }
    body.push(l);
  }
  if (inNote) notes.push(note(inNote.text, inNote.page, inNote.line));
  const noted = new Set(notes.map((n) => /^(\d{1,2})/.exec(n.text)?.[1]).filter(Boolean));

  const out: Block[] = [];
  const m = margins(body);
  let current: { text: string; page: number; line: number; bold: boolean } | null = null;
  let prev: Line | null = null;
  for (const l of body) {
    let text = l.text.trim();
    if (noted.size) text = text.replace(/([\p{Ll})])(\d{1,2})(?=[\s,.;:)]|$)/gu, (all, letter: string, n: string) => (noted.has(n) ? letter : all));
    if (current && prev && !startsParagraph(prev, l, m)) {
      // A word cut at the line's end with a hyphen stays one word only when the hyphen joins syllables of a name.
      current.text = `${current.text} ${text}`;
      current.bold = current.bold && l.bold === true;
    } else {
      if (current) out.push(paragraph(current.text, current.page, current.line, current.bold));
      current = { text, page: l.page, line: l.line, bold: l.bold === true };
    }
    prev = l;
  }
  if (current) out.push(paragraph(current.text, current.page, current.line, current.bold));
  return [...out, ...notes];
}
