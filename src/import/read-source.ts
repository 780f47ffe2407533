/**
 * Reads the file a user names: .txt and .md as text, .docx through mammoth, .pdf through unpdf
 * (pdf.js), a Word 97 .doc through word-extractor, each loaded only when such a file comes, and
 * turns it into layout blocks; text typed in the legacy TCVN3 or VNI fonts becomes Unicode.
 * Every refusal is one line saying what to do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ValidationError, t } from '../domain/errors.js';
import { decodeText, detectLegacyEncoding, plainFromMarkdown, toUnicode } from './decode-text.js';
import { readDocText } from './doc-reader.js';
import { convertLegacy } from './legacy-encoding.js';
import { note } from './layout/block.js';
import type { Block } from './layout/block.js';
import { docxBlocks } from './layout/docx-layout.js';
import { pdfBlocks, type PdfPage } from './layout/pdf-layout.js';
import { textBlocks } from './layout/text-layout.js';
import { normalizeText } from './normalize.js';

/** A document as read: its layout blocks, and its text (what identifies the same document read twice). */
export interface SourceDocument {
  blocks: Block[];
  text: string;
}

function textOfBlocks(blocks: Block[]): string {
  return blocks.map((b) => b.text).join('\n');
}

export const MAX_BYTES = 5 * 1024 * 1024;

function refuse(vi: string, en: string, hint?: { vi: string; en: string }): ValidationError {
  return new ValidationError(t(vi, en), hint);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

async function readDocx(bytes: Buffer, name: string): Promise<Block[]> {
  const { default: mammoth } = await import('mammoth');
  try {
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return docxBlocks(normalizeText(value));
  } catch {
    throw refuse(`không đọc được tệp Word "${name}" (tệp hỏng hoặc không phải .docx)`, `cannot read the Word file "${name}"`, t('mở tệp bằng Word và lưu lại dạng .docx', 'open it in Word and save it as .docx'));
  }
}

interface PdfTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}

async function readPdf(bytes: Buffer, name: string): Promise<Block[]> {
  const { getDocumentProxy } = await import('unpdf');
  const pages: PdfPage[] = [];
  try {
    // verbosity 0: pdf.js's own warnings ("TT: undefined function") are not the user's concern.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = (content.items as PdfTextItem[])
        .filter((i) => typeof i.str === 'string' && Array.isArray(i.transform))
        .map((i) => ({ str: normalizeText(i.str!).replace(/\n/g, ' '), x: i.transform![4], y: i.transform![5], width: i.width ?? 0, height: i.height ?? 0, hasEOL: i.hasEOL === true }));
      pages.push({ width: view.width, height: view.height, items });
    }
  } catch {
    throw refuse(`không đọc được tệp PDF "${name}" (tệp hỏng hoặc có mật khẩu)`, `cannot read the PDF file "${name}"`, t('xin bản .docx hoặc PDF gốc không đặt mật khẩu', 'ask for the .docx or an unprotected PDF'));
  }
  const chars = pages.reduce((n, p) => n + p.items.reduce((m, i) => m + i.str.replace(/\s/g, '').length, 0), 0);
  if (chars < 20) {
    throw refuse(`tệp PDF "${name}" không có lớp chữ (bản scan, ${pages.length} trang ảnh)`, `the PDF "${name}" has no text layer (a scan of ${pages.length} pages)`, t('nhận dạng chữ (OCR) trước, ví dụ bằng ocrmypdf -l vie, hoặc xin bản .docx của văn bản', 'run OCR on it first (e.g. ocrmypdf -l vie), or ask for the .docx'));
  }
  return pdfBlocks(pages);
}

/** The blocks and text of a conclusion file; refuses what cannot be read as one. */
export async function readSource(file: string): Promise<SourceDocument> {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw refuse(`không có tệp "${file}"`, `no file "${file}"`, t('kiểm tra lại đường dẫn và tên tệp', 'check the path and file name'));
  }
  if (!stat.isFile()) throw refuse(`"${file}" không phải là tệp`, `"${file}" is not a file`, t('nêu đường dẫn tới một tệp .txt, .md, .docx hoặc .pdf', 'name a .txt, .md, .docx or .pdf file'));
  if (stat.size > MAX_BYTES) throw refuse(`tệp "${name}" quá lớn (trên 5 MB)`, `file "${name}" is too large (over 5 MB)`, t('chỉ nhập phần kết luận, hoặc bỏ hình ảnh khỏi tệp', 'import the conclusion only, or remove its pictures'));
  const bytes = fs.readFileSync(file);
  if (bytes.length === 0) throw refuse(`tệp "${name}" rỗng`, `file "${name}" is empty`, t('kiểm tra lại tệp', 'check the file'));
  const ext = path.extname(file).toLowerCase();
  let text: string;
  let blocks: Block[] | null = null;
  if (startsWith(bytes, PDF)) text = textOfBlocks((blocks = await readPdf(bytes, name)));
  else if (startsWith(bytes, ZIP) && ext !== '.txt' && ext !== '.md') text = textOfBlocks((blocks = await readDocx(bytes, name)));
  else if (startsWith(bytes, OLE)) {
    let doc: string;
    try {
      doc = await readDocText(bytes);
    } catch {
      throw refuse(`không đọc được tệp Word cũ "${name}" (tệp hỏng, có mật khẩu, hoặc Word 95 trở về trước)`, `cannot read the old Word file "${name}"`, t('mở bằng Word hoặc LibreOffice và lưu lại dạng .docx', 'open it in Word or LibreOffice and save it as .docx'));
    }
    // Footnotes come after a line "---", one a line: notes, never directives.
    const [body, ...rest] = doc.split(/\n---\n/);
    text = toUnicode(body, name);
    blocks = [...textBlocks(normalizeText(text)), ...rest.join('\n').split('\n').filter(Boolean).map((n, i) => note(toUnicode(n, name), 1, i + 1))];
  } else {
    text = decodeText(bytes, name);
    if (ext === '.md' || ext === '.markdown') text = plainFromMarkdown(text);
  }
  // A unit list or other data file named by mistake would otherwise become tasks line by line.
  if (ext === '.json' || /^\s*[{[]/.test(text)) {
    throw refuse(`tệp "${name}" là dữ liệu JSON, không phải văn bản kết luận`, `file "${name}" is JSON data, not a conclusion`, t('danh sách đơn vị nạp bằng "tasks unit import FILE"', 'load a unit list with "tasks unit import FILE"'));
  }
  if (!text.trim()) throw refuse(`tệp "${name}" không có nội dung chữ`, `file "${name}" holds no text`, t('kiểm tra lại tệp', 'check the file'));
  if (blocks && !startsWith(bytes, OLE)) {
    // A .docx or a PDF typed in a legacy font: its text layer holds the font's codes, not Unicode.
    const encoding = detectLegacyEncoding(text);
    if (encoding) {
      blocks = blocks.map((b) => ({ ...b, text: convertLegacy(b.text, encoding), cells: b.cells.map((c) => convertLegacy(c, encoding)) }));
      text = textOfBlocks(blocks);
    } else toUnicode(text, name);
  }
  return { blocks: blocks ?? textBlocks(normalizeText(text)), text };
}
