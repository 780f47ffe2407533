/**
 * Text as the parser reads it: Unicode NFC, one kind of line break and space, and a folded twin
 * (lower case, no diacritics, đ → d) of exactly the same length, so a match found in the folded
 * text cuts the same words out of the original.
 */
import { fold } from '../domain/text.js';

export function normalizeText(raw: string): string {
  return raw
    .replace(/^\ufeff/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\t\u3000]/g, ' ')
    .replace(/[\u200b\u200c\u200d\ufeff\u00ad]/g, '')
    // Word's Shift+Enter (vertical tab) is a line break inside a paragraph: a space here.
    .replace(/\u000b/g, ' ')
    // A form feed is a page break (pdftotext writes one between pages): the layout reads it.
    .replace(/[\u0000-\u0008\u000d-\u001f\u007f-\u009f]/g, '')
    .replace(/[\u2028\u2029]/g, '\n');
}

const folds = new Map<string, string>();

function foldChar(char: string): string {
  let out = folds.get(char);
  if (out === undefined) {
    const folded = fold(char);
    out = folded.length === char.length ? folded : char.toLowerCase().length === char.length ? char.toLowerCase() : char;
    folds.set(char, out);
  }
  return out;
}

const recent = new Map<string, string>();

/** Folds character by character: the result has the original's length and positions. */
export function foldSameLength(text: string): string {
  let out = recent.get(text);
  if (out !== undefined) return out;
  out = text.replace(/[^\x00-\x40\x5b-\x7f]/g, foldChar);
  // The parser folds the same item several times; a small memory spares the work.
  if (recent.size > 2000) recent.clear();
  recent.set(text, out);
  return out;
}

/** Removes a list item's trailing separator and the document's closing "./.". */
export function trimItem(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*\.\/\.\s*$/, '.')
    .replace(/[;,]\s*$/, '')
    .trim();
}
