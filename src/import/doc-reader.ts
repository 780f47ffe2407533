/**
 * A Word 97-2003 (.doc, OLE2) file → text, through word-extractor, loaded only when a .doc
 * comes. The text has one paragraph a line; a table row is one line, "|cell 1 | cell 2|", the
 * paragraphs of a cell joined by a space; footnotes, then endnotes, follow a line "---", one a
 * line as "1 text", "2 text"… (their reference marks are dropped from the body). Empty
 * paragraphs and empty rows are left out. Words stay as Word stores them: a file typed in a
 * legacy font (TCVN3, VNI) comes back in those codes, for legacy-encoding.ts to convert.
 *
 * word-extractor's own text ends every cell with a tab, like a tab typed in the text, and a
 * paragraph inside a cell with the same line break as one outside any table; so the extractor
 * is extended to mark Word's cell ends and in-table paragraph ends itself.
 */
import type { Piece } from 'word-extractor/lib/word-ole-extractor.js';
import { detectLegacyEncoding } from './legacy-encoding.js';

// Private-use stand-ins of one character each: the piece table's lengths must not change.
const CELL_END = '\ue007';
const CELL_PARAGRAPH_END = '\ue00d';
const NOTE_MARK = '\ue002';
const SOFT_HYPHEN = '\u00ad';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** sprmPFInTable and sprmPItap: the paragraph is in a table. */
const IN_TABLE_SPRMS = new Set([0x2416, 0x6649]);

function operandSize(grpprl: Buffer, offset: number, sprm: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      return sprm === 0xd608 ? grpprl.readUInt16LE(offset) + 1 : grpprl[offset] + 1;
  }
}

function inTable(grpprl: Buffer): boolean {
  for (let offset = 2; offset + 2 < grpprl.length; ) {
    const sprm = grpprl.readUInt16LE(offset);
    offset += 2;
    if (IN_TABLE_SPRMS.has(sprm) && grpprl[offset] > 0) return true;
    offset += operandSize(grpprl, offset, sprm);
  }
  return false;
}

/** The file positions of the marks that end a paragraph inside a table (the PAPX FKPs of [MS-DOC]). */
function tableParagraphEnds(wordDocument: Buffer, table: Buffer): number[] {
  const fc = wordDocument.readUInt32LE(0x0102);
  const lcb = wordDocument.readUInt32LE(0x0106);
  const plc = table.subarray(fc, fc + lcb);
  const count = (lcb - 4) / 8;
  const ends: number[] = [];
  for (let i = 0; i < count; i++) {
    const pn = plc.readUInt32LE((count + 1) * 4 + i * 4);
    const fkp = wordDocument.subarray(pn * 512, pn * 512 + 512);
    if (fkp.length < 512) throw new Error('paragraph properties outside the file');
    const crun = fkp[511];
    for (let j = 0; j < crun; j++) {
      const bOffset = fkp[(crun + 1) * 4 + j * 13] * 2;
      if (bOffset === 0) continue;
      const cb = fkp[bOffset];
      const grpprl = cb !== 0 ? fkp.subarray(bOffset + 1, bOffset + 2 * cb) : fkp.subarray(bOffset + 2, bOffset + 2 + 2 * fkp[bOffset + 1]);
      if (inTable(grpprl)) ends.push(fkp.readUInt32LE((j + 1) * 4));
    }
  }
  return ends;
}

/** Replaces the character that ends just before file position `end`, if it is `from`. */
function replaceCharBefore(pieces: Piece[], end: number, from: string, to: string): void {
  const piece = pieces.find((p) => end - 1 >= p.startFilePos && end - 1 < p.startFilePos + p.size);
  if (!piece) return;
  const index = (end - piece.bpc - piece.startFilePos) / piece.bpc;
  if (piece.text[index] === from) piece.text = piece.text.slice(0, index) + to + piece.text.slice(index + 1);
}

/** "a\nb" of notes whose text starts with Word's automatic number mark → one line a note. */
function notesOf(text: string): string[] {
  const chunks = text.includes(NOTE_MARK) ? text.split(NOTE_MARK) : text.split('\n');
  return chunks.map((chunk) => chunk.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

function lineOf(segment: string): string {
  if (!segment.includes(CELL_END)) return segment.replaceAll(CELL_PARAGRAPH_END, ' ').trim();
  const cells = segment.split(CELL_END);
  // The text after the last cell's end belongs to no cell (an unmarked row end leaves nothing).
  if (!cells[cells.length - 1].trim()) cells.pop();
  const texts = cells.map((cell) =>
    cell
      .split(CELL_PARAGRAPH_END)
      .map((p) => p.trim())
      .filter(Boolean)
      .join(' '),
  );
  return texts.some(Boolean) ? `|${texts.join(' | ')}|` : '';
}

/** The text of a Word 97-2003 document; throws a plain Error when the file cannot be read as one. */
export async function readDocText(bytes: Buffer): Promise<string> {
  if (!OLE_MAGIC.every((b, i) => bytes[i] === b)) throw new Error('not an OLE2 compound file (Word 97-2003 .doc)');
  const [{ default: WordOleExtractor }, { default: BufferReader }] = await Promise.all([
    import('word-extractor/lib/word-ole-extractor.js'),
    import('word-extractor/lib/buffer-reader.js'),
  ]);

  class MarkingExtractor extends WordOleExtractor {
    protected override extractWordDocument(document: unknown, buffer: Buffer) {
      // fEncrypted: the text is ciphered and would come out as junk.
      if (buffer.length >= 12 && buffer.readUInt16LE(0) === 0xa5ec && (buffer.readUInt16LE(0x0a) & 0x0100) !== 0) {
        return Promise.reject(new Error('the document is encrypted (password protected)'));
      }
      return super.extractWordDocument(document, buffer);
    }

    protected override writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
      // Runs after the pieces are read; word-extractor turns row ends into '\n' here.
      super.writeParagraphProperties(buffer, tableBuffer);
      for (const end of tableParagraphEnds(buffer, tableBuffer)) replaceCharBefore(this._pieces, end, '\r', CELL_PARAGRAPH_END);
    }

    protected override buildDocument() {
      for (const piece of this._pieces) {
        // Word's cell end (0x07) and note mark (0x02) would be dropped, and its optional
        // hyphen (0x1f) come out as the word "undefined": keep each as one character.
        piece.text = piece.text.replace(/\x07/g, CELL_END).replace(/\x02/g, NOTE_MARK).replace(/\x1f/g, SOFT_HYPHEN);
      }
      return super.buildDocument();
    }
  }

  let body: string;
  let notes: string[];
  try {
    const document = await new MarkingExtractor().extract(new BufferReader(bytes));
    body = document.getBody({ filterUnicode: false });
    notes = [...notesOf(document.getFootnotes({ filterUnicode: false })), ...notesOf(document.getEndnotes({ filterUnicode: false }))];
  } catch (error) {
    throw new Error(`cannot read the Word 97-2003 document: ${error instanceof Error ? error.message : String(error)}`);
  }
  const lines = body
    .replaceAll(NOTE_MARK, '')
    .replaceAll('\u2011', '-')
    .split('\n')
    .map(lineOf)
    .filter(Boolean);
  if (notes.length) lines.push('---', ...notes.map((note, i) => `${i + 1} ${note}`));
  const text = lines.join('\n');
  // U+00AD is ư in TCVN3, and an invisible optional hyphen in any other text.
  return detectLegacyEncoding(text) === 'tcvn3' ? text : text.replaceAll(SOFT_HYPHEN, '');
}
