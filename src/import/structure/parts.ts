/**
 * The parts of an administrative document as Nghị định 30/2020 lays it out, each recognised by
 * what it says rather than where it falls: the header (issuer, Quốc hiệu, số/ký hiệu, place and
 * date, the kind and trích yếu), "Kính gửi" and its addressees, the body, the closing formula,
 * "Nơi nhận", the signature block (KT./TM./TL. …), and appendices ("Phụ lục") with their
 * tables. A layout table (the header's two columns, "Nơi nhận" beside the signature) is read
 * cell by cell; a table of tasks stays rows.
 */
import { paragraph, type Block } from '../layout/block.js';
import { isTaskTableHeader } from '../layout/table-header.js';
import { markerOf } from '../items.js';
import { foldSameLength } from '../normalize.js';

export interface Parts {
  header: Block[];
  /** The trích yếu: the title after the kind ("THÔNG BÁO …") or the "V/v …" of a công văn. */
  title: string | null;
  addressees: string[];
  body: Block[];
  closing: Block[];
  recipients: string[];
  signature: Block[];
  /** What follows the signature: an appendix's headings and its tables' rows. */
  appendix: Block[];
  notes: Block[];
}

const KIND_LINE = /^(?:thong bao|ke hoach|cong dien|chi thi|quyet dinh|bao cao|ket luan|chuong trinh|huong dan|to trinh|cong van|giay moi)\b/;
const QUOC_HIEU = /^(?:cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc|dang cong san viet nam)/;
const PLACE_DATE = /^[\p{L}\s.]{2,40},\s*ngay\b/u;
const BODY_OPENER =
  /^(?:can cu|thuc hien|ngay \d|ngay \.|vao (?:luc|ngay)|sang|chieu|toi|tren co so|theo (?:de nghi|bao cao|chi dao|ke hoach)|de (?:day|tiep|trien|kip|thuc|nang|bao|tang)|qua |vua qua|nham|tiep theo|xet |trong (?:thoi gian|nhung nam|nam)|(?:uy ban nhan dan|ubnd|chu tich|van phong|bo |so )[\p{L}\s]{0,60}(?:nhan duoc|co y kien|giao|de nghi|yeu cau|chi dao|ban hanh|thong bao|dien))/u;
const SIGNATURE_OPENER = /^(?:kt|tm|tl|tuq|q|ktl)\.\s*\p{L}/u;
const SIGNATURE_TITLE = /^(?:chu tich|pho chu tich|giam doc|pho giam doc|chanh van phong|pho chanh van phong|bo truong|thu truong|chu nhiem|pho chu nhiem|truong ban|pho truong ban|bi thu|pho bi thu|cuc truong|vu truong|tong cuc truong)$/;
const RECIPIENTS = /^noi nhan\s*:?/;
/** "Kính gửi:", or a công điện's "VĂN PHÒNG CHÍNH PHỦ điện:". */
const ADDRESS = /^(?:kinh gui\s*:?|[\p{L}\s]{3,60}\sdien\s*:)\s*/u;
const APPENDIX = /^phu luc\b/;

/** Closing formulas: what the document says of itself once the instructions are given. */
const CLOSINGS = [
  // "Trên đây là Kế hoạch …, yêu cầu các đơn vị nghiêm túc triển khai thực hiện./."
  /^tren day la\b/,
  /\byeu cau\b[^.;:]{0,160}\bnghiem tuc\b[^.;:]{0,40}\bthuc hien\b[^.;:]{0,40}(?:\.\/\.|\.)?$/,
  /^tran trong (?:thong bao|de nghi|kinh moi|bao cao)\b/,
  /\bthong bao\b.{0,200}\b(?:de|den)\b.{0,160}\bbiet\b/,
  /^(?:yeu cau|de nghi)\s[^.;:]{0,240}\b(?:nghiem tuc|khan truong)\s*(?:trien khai\s+)?thuc hien(?:\s+(?:nghiem tuc|theo dung quy dinh|cac noi dung (?:neu )?tren|nghiem))?[^.;:]{0,40}(?:\.\/\.|\.)?$/,
  /^(?:yeu cau|de nghi)\s[^.;:]{0,120}\bthuc hien(?:\s+(?:nghiem tuc|theo dung quy dinh|cac noi dung (?:neu )?tren))?\s*(?:\.\/\.|\.)?$/,
  /^can cu (?:y kien chi dao|noi dung|thong bao|ket luan)[^.]{0,40}tren\b/,
  /\bquan tam,? phoi hop thuc hien\b.{0,40}$/,
  /^(?:trong qua trinh (?:trien khai )?thuc hien|qua trinh thuc hien),? neu co (?:phat sinh )?(?:kho khan|vuong mac)/,
];

export function isClosing(text: string): boolean {
  const folded = foldSameLength(text.trim());
  if (CLOSINGS.some((c) => c.test(folded))) return true;
  // "Yêu cầu … nghiêm túc thực hiện. Trong quá trình thực hiện, nếu có khó khăn … ./.": closings one after another.
  const sentences = folded.split(/(?<=\.)\s+(?=\S)/).filter((x) => x.replace(/[./\s]/g, ''));
  return sentences.length > 1 && sentences.every((x) => CLOSINGS.some((c) => c.test(x)));
}

function foldOf(b: Block): string {
  return foldSameLength(b.text.trim());
}

/** The rows of layout tables as paragraphs, cell by cell; tables of tasks stay rows. */
function flatten(blocks: Block[]): Block[] {
  const out: Block[] = [];
  const taskTables = new Set<number>();
  const firstRow = new Map<number, Block>();
  for (const b of blocks) if (b.kind === 'row' && b.table !== null && !firstRow.has(b.table)) firstRow.set(b.table, b);
  for (const [table, first] of firstRow) if (isTaskTableHeader(first.cells)) taskTables.add(table);
  const rowsOf = new Map<number, Block[]>();
  for (const b of blocks) if (b.kind === 'row' && b.table !== null) rowsOf.set(b.table, [...(rowsOf.get(b.table) ?? []), b]);
  const done = new Set<number>();
  for (const b of blocks) {
    if (b.kind !== 'row' || b.table === null || taskTables.has(b.table)) {
      out.push(b);
      continue;
    }
    if (done.has(b.table)) continue;
    done.add(b.table);
    // Column by column: a header's left cell (issuer, number, V/v) before its right (Quốc hiệu, date).
    const rows = rowsOf.get(b.table)!;
    const width = Math.max(...rows.map((r) => r.cells.length));
    for (let c = 0; c < width; c++) {
      for (const r of rows) {
        for (const line of (r.cells[c] ?? '').split('\n')) {
          const text = line.trim();
          if (text) out.push(paragraph(text, r.page, r.line, r.bold));
        }
      }
    }
  }
  return out;
}

function isHeaderLine(b: Block, f: string): boolean {
  return (
    QUOC_HIEU.test(f) ||
    PLACE_DATE.test(f) ||
    /^so\s*:?\s*[\d/]/.test(f) ||
    /^so\s*:/.test(f) ||
    /^(?:v\/v|ve viec)\b/.test(f) ||
    /^[-_=*.\s]{3,}$/.test(f) ||
    (b.text === b.text.toUpperCase() && /\p{L}/u.test(b.text) && b.text.length < 90)
  );
}

/** The header: its lines and the title, up to "Kính gửi" or the first sentence of the body. Returns where it ends. */
function readHeader(blocks: Block[], parts: Parts): number {
  // A document with a header says so in its first lines (Quốc hiệu, "Số:", the place and date, the kind).
  const hasHeader = blocks.slice(0, 12).some((b) => {
    const f = foldOf(b);
    return QUOC_HIEU.test(f) || PLACE_DATE.test(f) || /^so\s*:/.test(f) || /^(?:v\/v)\b/.test(f) || (KIND_LINE.test(f) && b.text === b.text.toUpperCase() && b.text.trim().split(/\s+/).length <= 4);
  });
  let i = 0;
  let titleLines: string[] | null = null;
  for (; hasHeader && i < blocks.length; i++) {
    const b = blocks[i];
    const f = foldOf(b);
    if (b.kind === 'row' || ADDRESS.test(f) || RECIPIENTS.test(f)) break;
    if (titleLines !== null) {
      // The trích yếu runs on while it reads as a title: bold, or short lines, never the body's opening.
      const isTitle = !BODY_OPENER.test(f) && !/:\s*$/.test(f) && (b.bold || (b.text.length < 160 && !/[.;]$/.test(b.text.trim())) || titleLines.length === 0);
      if (!isTitle || /^[-_=*.\s]{3,}$/.test(f) || titleLines.length >= 4) {
        if (/^[-_=*.\s]{3,}$/.test(f)) {
          parts.header.push(b);
          i += 1;
        }
        break;
      }
      titleLines.push(b.text.trim());
      parts.header.push(b);
      continue;
    }
    if (KIND_LINE.test(f) && b.text.trim().split(/\s+/).length <= 4 && b.text === b.text.toUpperCase()) {
      titleLines = [];
      parts.header.push(b);
      continue;
    }
    if (/^(?:v\/v|ve viec)\b/.test(f)) {
      // A công văn's trích yếu, perhaps wrapped over lines of its cell.
      const lines = [b.text.trim()];
      const goesOn = (next: Block | undefined) =>
        next !== undefined && next.kind === 'paragraph' && /^\p{Ll}|^\d|^[A-ZĐ][\p{L}]*\s+[\p{Ll}]/u.test(next.text.trim()) && !isHeaderLine(next, foldOf(next)) && !BODY_OPENER.test(foldOf(next)) && !ADDRESS.test(foldOf(next));
      while (goesOn(blocks[i + 1]) && lines.length <= 5) lines.push(blocks[++i].text.trim());
      parts.title ??= lines.join(' ').replace(/^(?:V\/v|Về việc)\s*/iu, '').trim();
      parts.header.push(b);
      continue;
    }
    // A short line near the top with no sentence in it (the issuer's second line, a sub-unit) is the header's too.
    if (isHeaderLine(b, f) || (i < 6 && b.text.length < 80 && !BODY_OPENER.test(f) && !/[.:;]\s*$/.test(b.text) && !markerOf(b.text.trim()))) {
      parts.header.push(b);
      continue;
    }
    break;
  }
  if (titleLines?.length) parts.title = titleLines.join(' ');
  return i;
}

/** "Kính gửi:" and the addressees listed under it (or after it on the same line). */
function readAddressees(blocks: Block[], at: number, parts: Parts): number {
  let i = at;
  if (!blocks[i] || !ADDRESS.test(foldOf(blocks[i]))) return i;
  const inline = blocks[i].text.trim().replace(/^(?:Kính gửi\s*:?|[\p{L}\s]{3,60}\sđiện\s*:)\s*/iu, '');
  if (inline) parts.addressees.push(inline);
  for (i += 1; i < blocks.length; i++) {
    const t = blocks[i].text.trim();
    const listed = /^[-–+•]\s*/.test(t) || (t.length < 120 && /[;,]$/.test(t));
    if (!listed || BODY_OPENER.test(foldOf(blocks[i]).replace(/^[-–+•]\s*/, ''))) break;
    parts.addressees.push(t.replace(/^[-–+•]\s*/, '').replace(/[;.,]\s*$/, ''));
  }
  return i;
}

/** The body, up to Nơi nhận, the signature or the "./." that ends it; the closing formulas at its end set apart. */
function readBody(blocks: Block[], at: number, parts: Parts): number {
  let i = at;
  for (; i < blocks.length; i++) {
    const b = blocks[i];
    const f = foldOf(b);
    if (b.kind === 'paragraph' && (RECIPIENTS.test(f) || SIGNATURE_OPENER.test(f) || (SIGNATURE_TITLE.test(f) && b.text === b.text.toUpperCase()))) break;
    if (b.kind === 'paragraph' && APPENDIX.test(f) && b.text === b.text.toUpperCase()) break;
    parts.body.push(b);
    if (b.kind === 'paragraph' && /\.\/\.\s*$/.test(b.text)) {
      i += 1;
      break;
    }
  }
  while (parts.body.length && parts.body.at(-1)!.kind === 'paragraph' && isClosing(parts.body.at(-1)!.text)) parts.closing.unshift(parts.body.pop()!);
  return i;
}

/** Nơi nhận, the signature, then the appendix: everything from its heading or its first table on. */
function readTail(blocks: Block[], at: number, parts: Parts): void {
  let inRecipients = false;
  for (let i = at; i < blocks.length; i++) {
    const b = blocks[i];
    const f = foldOf(b);
    if (b.kind === 'row' || (APPENDIX.test(f) && b.text.trim().split(/\s+/).length <= 12)) {
      parts.appendix.push(...blocks.slice(i));
      return;
    }
    if (RECIPIENTS.test(f)) {
      inRecipients = true;
      const inline = b.text.trim().replace(/^Nơi nhận\s*:?\s*/iu, '');
      if (inline) parts.recipients.push(...inline.split(/\s*(?:^|;)\s*-\s*/).filter(Boolean));
      continue;
    }
    if (inRecipients && /^[-–+]/.test(b.text.trim())) {
      parts.recipients.push(b.text.trim().replace(/^[-–+]\s*/, ''));
      continue;
    }
    if (b.kind === 'paragraph' && /\.\/\.\s*$/.test(b.text) && !parts.body.length) parts.body.push(b);
    else parts.signature.push(b);
  }
}

export function documentParts(input: Block[]): Parts {
  const notes = input.filter((b) => b.kind === 'note');
  const blocks = flatten(input.filter((b) => b.kind !== 'note'));
  const parts: Parts = { header: [], title: null, addressees: [], body: [], closing: [], recipients: [], signature: [], appendix: [], notes };
  const afterHeader = readHeader(blocks, parts);
  const afterAddressees = readAddressees(blocks, afterHeader, parts);
  readTail(blocks, readBody(blocks, afterAddressees, parts), parts);
  return parts;
}
