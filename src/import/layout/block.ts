/**
 * The layout layer's output: what a reader (.txt, .pdf, .docx, .doc) sees on the page, before
 * anyone asks what the document says. A paragraph is one logical paragraph, hard wraps undone; a
 * row is one row of a table, its cells in order; a note is a footnote, kept apart from the body.
 */

import { foldSameLength } from '../normalize.js';

export interface Block {
  kind: 'paragraph' | 'row' | 'note';
  text: string;
  /** A row's cells, each cell's paragraphs joined by "\n"; empty for paragraphs and notes. */
  cells: string[];
  /** 1-based page (PDF pages, form feeds in text; 1 where the format has no pages). */
  page: number;
  /** 1-based line of the page (text and PDF) or paragraph number (DOCX) where the block starts. */
  line: number;
  /** Written in bold throughout, where the format says so. */
  bold: boolean;
  /** Which table a row belongs to (0, 1, …), so tables stay apart. */
  table: number | null;
}

export function paragraph(text: string, page: number, line: number, bold = false): Block {
  return { kind: 'paragraph', text, cells: [], page, line, bold, table: null };
}

export function row(cells: string[], page: number, line: number, table: number, bold = false): Block {
  return { kind: 'row', text: cells.map((c) => c.replace(/\n/g, ' ')).join(' | '), cells, page, line, bold, table };
}

export function note(text: string, page: number, line: number): Block {
  return { kind: 'note', text, cells: [], page, line, bold: false, table: null };
}

const folded = new WeakMap<Block, string>();

/** A block's text folded once (no diacritics, whitespace collapsed): searched for every directive. */
export function foldedOf(b: Block): string {
  let out = folded.get(b);
  if (out === undefined) folded.set(b, (out = foldSameLength(b.text).replace(/\s+/g, ' ')));
  return out;
}
