/**
 * The digest as a Word administrative report laid out per Nghị định 30/2020/NĐ-CP (Phụ lục I):
 * A4, Times New Roman, margins 20/20/30/15 mm; the header table (issuing body | Quốc hiệu and
 * Tiêu ngữ), the number, the place-and-date line, "BÁO CÁO" and its summary line, the body with
 * real Word tables, then "Nơi nhận:" beside the signer block. Loaded only for --format docx.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
} from 'docx';
import type { Lang } from '../labels.js';
import type { Digest } from '../../domain/digest/model.js';
import { numberLine, placeAndDate, recipientLines } from './nd30.js';
import { cellText, layoutDigest, type ReportTable } from './tables.js';
import { dw } from './words.js';

const FONT = 'Times New Roman';
/** Sizes in half-points: 13 pt and 14 pt for the text, 12 and 11 for "Nơi nhận" as the decree sets. */
const PT13 = 26;
const PT14 = 28;
const PT12 = 24;
const PT11 = 22;
const MM = 56.7; // twips per millimetre
const PAGE = { width: 11906, height: 16838 }; // A4 in twips
const MARGIN = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: style.size ?? PT14, bold: style.bold, italics: style.italics });
}

function para(text: string, style: RunStyle & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: style.align ?? AlignmentType.JUSTIFIED,
    indent: style.indent ? { firstLine: Math.round(10 * MM) } : undefined,
    spacing: { before: 0, after: style.after ?? 0 },
    children: [run(text, style)],
  });
}

/** The short rule under the issuing body and under the Tiêu ngữ: a bottom border on an empty line. */
function rule(width: number, columnWidth: number, before = 0): Paragraph {
  const side = Math.max(0, Math.round((columnWidth - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before, after: 60, line: 40, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [run('', { size: 2 })],
  });
}

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function layoutTable(widths: number[], cells: Paragraph[][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: cells.map((children, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, borders: NO_BORDERS, children })) })],
  });
}

/**
 * Nghị định 30 wants the line under the issuing body between a third and a half of the name's
 * length: the name's width estimated for 13 pt bold capitals in Times New Roman (about 0.72 em
 * a letter, 0.25 em a space), the rule at 40 % of it, never wider than the column.
 */
export function agencyRuleWidth(name: string, columnWidth: number): number {
  const upper = name.toLocaleUpperCase('vi');
  const ems = [...upper].reduce((a, c) => a + (c === ' ' ? 0.25 : 0.72), 0);
  const width = Math.min(columnWidth, ems * PT13 * 10);
  return Math.round(width * 0.4);
}

function headerTable(d: Digest): Table {
  const s = d.settings;
  const left = Math.round(TEXT_WIDTH * 0.38);
  const right = TEXT_WIDTH - left;
  const centred = { align: AlignmentType.CENTER, size: PT13 };
  const leftCell = [
    ...(s['org.parent'] ? [para(s['org.parent'].toUpperCase(), centred)] : []),
    para(s['org.name'].toUpperCase(), { ...centred, bold: true }),
    rule(agencyRuleWidth(s['org.name'], left), left),
    para(numberLine(s), centred),
  ];
  const rightCell = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: AlignmentType.CENTER, size: PT12, bold: true }),
    para('Độc lập - Tự do - Hạnh phúc', { align: AlignmentType.CENTER, size: PT14, bold: true }),
    rule(Math.round(62 * MM), right),
    para(placeAndDate(s['org.place'], d.period.today), { align: AlignmentType.CENTER, size: PT14, italics: true }),
  ];
  return layoutTable([left, right], [leftCell, rightCell]);
}

/** Numbers and dates get what 13 pt needs; text columns share the rest by their weights. */
function columnWidths(table: ReportTable, lang: Lang): number[] {
  const wide = cellSize(table) === PT11;
  const fixed = table.columns.map((c, i): number => {
    // A wide list's dates and counts are set at 11 pt: narrower columns hold them whole.
    if (c.kind === 'date') return wide ? 1200 : 1400;
    if (c.kind === 'int' && wide) return i === 0 ? 560 : 640;
    // A short table (the totals) has room for figures with their header on one line.
    if ((c.kind === 'rate' || c.kind === 'int') && table.columns.length <= 4) return 1600;
    if (c.kind === 'rate') return 1000;
    if (c.kind === 'int') return i === 0 ? 560 : 760;
    // Short text (unit, document number) in proportion to its typical length; long text shares the rest.
    return c.kind === 'text' && table.columns.some((x) => x.kind === 'long') ? c.width * 90 : 0;
  });
  // Long text keeps at least 40% of the line: short text columns shrink to make room.
  const shortText = table.columns.map((c, i) => (c.kind === 'text' ? fixed[i] : 0)).reduce((a, b) => a + b, 0);
  const overflow = fixed.reduce((a, b) => a + b, 0) - TEXT_WIDTH * 0.6;
  if (overflow > 0 && shortText > 0 && table.columns.some((c) => c.kind === 'long')) {
    const factor = Math.max(0.5, 1 - overflow / shortText);
    table.columns.forEach((c, i) => {
      if (c.kind === 'text') fixed[i] = Math.round(fixed[i] * factor);
    });
  }
  const rest = TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0);
  const weight = table.columns.reduce((a, c, i) => a + (fixed[i] === 0 ? c.width : 0), 0);
  const widths = table.columns.map((c, i) => fixed[i] || Math.floor((rest * c.width) / weight));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return unbrokenWords(table, widths, lang);
}

/** Times New Roman's advance widths, in ems, rounded up (bold is a little wider than regular). */
function charEms(ch: string): number {
  if (/[0-9]/.test(ch)) return 0.5;
  if (/[./,:;'’]/.test(ch)) return 0.3;
  if (/[-()]/.test(ch)) return 0.36;
  if (ch === '%') return 0.84;
  if (/[mwMW]/.test(ch)) return 0.95;
  if (ch !== ch.toLowerCase()) return 0.7;
  return 0.55;
}

/** Twips a word needs in Times New Roman at `halfPoints` (bold: 15 % wider, with room for LibreOffice's rounding), plus the cell's margins (80) and a little slack. */
function wordWidth(word: string, halfPoints: number, bold = false): number {
  const ems = [...word].reduce((a, ch) => a + charEms(ch), 0);
  return Math.ceil(ems * (bold ? 1.15 : 1) * halfPoints * 10) + 110;
}

/** Data cells at 13 pt; a list of eight columns or more at 11 pt, so that its words fit whole. */
function cellSize(table: ReportTable): number {
  return table.columns.length >= 8 ? PT11 : PT13;
}

/**
 * No cell breaks inside a word ("Thườn g xuyên", "190/TB- STC"): each column gets at least its
 * longest word (header at 11 pt, cells at their size, see cellSize; a rate's "50,0%" and a date are one word),
 * taken from the columns with room to spare, the widest first.
 */
function unbrokenWords(table: ReportTable, widths: number[], lang: Lang): number[] {
  const longest = (texts: string[], size: number, bold: boolean) => Math.max(0, ...texts.flatMap((t) => t.split(/\s+/)).map((w) => wordWidth(w, size, bold)));
  const need = table.columns.map((c, i) =>
    Math.max(longest([c.header], PT11, true), longest(table.rows.map((r) => cellText(r.cells[i], lang)), cellSize(table), table.rows.some((r) => r.total))),
  );
  const out = [...widths];
  for (let i = 0; i < out.length; i++) {
    let short = need[i] - out[i];
    while (short > 0) {
      // The column with the most room above its own need gives.
      let donor = -1;
      for (let j = 0; j < out.length; j++) if (j !== i && out[j] - need[j] > 0 && (donor === -1 || out[j] - need[j] > out[donor] - need[donor])) donor = j;
      if (donor === -1) break;
      const take = Math.min(short, out[donor] - need[donor], 200);
      out[donor] -= take;
      out[i] += take;
      short -= take;
    }
  }
  return out;
}

function dataTable(table: ReportTable, lang: Lang): Table {
  const widths = columnWidths(table, lang);
  const alignOf = (i: number) => {
    const kind = table.columns[i].kind;
    if (kind === 'int' || kind === 'rate') return AlignmentType.RIGHT;
    return kind === 'date' ? AlignmentType.CENTER : AlignmentType.LEFT;
  };
  const cell = (text: string, i: number, bold: boolean, header = false) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
      margins: { left: 40, right: 40, top: 20, bottom: 20 },
      // Header cells at 11 pt so the narrow count columns' names do not break inside words.
      children: [para(text, { size: header ? PT11 : cellSize(table), bold, align: header ? AlignmentType.CENTER : alignOf(i) })],
    });
  const head = new TableRow({ tableHeader: true, children: table.columns.map((c, i) => cell(c.header, i, true, true)) });
  const rows = table.rows.map((r) => new TableRow({ cantSplit: true, children: r.cells.map((c, i) => cell(cellText(c, lang), i, r.total === true)) }));
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: GRID, rows: [head, ...rows] });
}

function signerBlock(d: Digest, lang: Lang): Table {
  const s = d.settings;
  const half = Math.round(TEXT_WIDTH / 2);
  const left = [
    para(dw(lang, 'recipients'), { size: PT12, bold: true, italics: true, align: AlignmentType.LEFT }),
    ...recipientLines(s).map((line) => para(line, { size: PT11, align: AlignmentType.LEFT })),
  ];
  const centred = { align: AlignmentType.CENTER, size: PT14, bold: true };
  const right = [
    ...(s['report.signerAuthority'] ? [para(s['report.signerAuthority'].toUpperCase(), centred)] : []),
    para(s['report.signerTitle'].toUpperCase(), centred),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => para('', centred)),
    para(s['report.signer'], centred),
  ];
  return layoutTable([half, TEXT_WIDTH - half], [left, right]);
}

/**
 * Rows of one task list a DOCX holds: what a meeting reads. The docx library builds the whole
 * document in memory (about 150 KB per table row), so 50,000 overdue tasks could never be
 * written; beyond this many rows a list stops, says so, and points to the full list as a
 * workbook (the attachment emitReport writes beside the document).
 */
export const DOCX_MAX_ROWS = 100;

/** True when some list of the digest is longer than a DOCX shows. */
export function docxIsCapped(d: Digest): boolean {
  return [d.overdue, d.completedThisMonth, d.extensionsThisMonth, d.dueNextMonth].some((list) => list !== null && list.length > DOCX_MAX_ROWS);
}

/** `attachment`: the file name of the full workbook written beside the document, if any. */
export async function renderDocx(d: Digest, lang: Lang, attachment: string | null = null): Promise<Buffer> {
  const layout = layoutDigest(d, lang, DOCX_MAX_ROWS);
  const body: (Paragraph | Table)[] = [
    headerTable(d),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 }, children: [run(layout.title, { bold: true, size: PT14 })] }),
    para(layout.summary, { align: AlignmentType.CENTER, bold: true, size: PT14 }),
    rule(Math.round(40 * MM), TEXT_WIDTH, 80),
    para('', {}),
    ...layout.intro.map((line) => para(line, { indent: true, after: 120 })),
  ];
  for (const table of layout.tables) {
    // Kept with its table: a heading never ends a page alone.
    body.push(new Paragraph({ keepNext: true, keepLines: true, spacing: { before: 0, after: 120 }, children: [run(table.title, { bold: true })] }));
    const total = table.total ?? table.rows.length;
    body.push(table.rows.length ? dataTable(table, lang) : para(dw(lang, 'none'), { indent: true }));
    if (total > table.rows.length) {
      const values = { shown: table.rows.length, total, file: attachment ?? '' };
      body.push(para(dw(lang, attachment ? 'cappedAttached' : 'cappedNoFile', values), { indent: true, italics: true, size: PT13 }));
    }
    body.push(para('', { size: PT13 }));
  }
  if (layout.proposals) {
    body.push(new Paragraph({ keepNext: true, keepLines: true, spacing: { before: 0, after: 120 }, children: [run(layout.proposals.title, { bold: true })] }));
    for (const text of layout.proposals.paragraphs) body.push(para(text, { indent: true, after: 120 }));
  }
  // The body ends with the closing sentence and "./.", then the recipients and the signer.
  body.push(para(layout.closing, { indent: true, after: 240 }));
  body.push(signerBlock(d, lang));
  const document = new Document({
    creator: 'tasks',
    title: `${layout.title} ${layout.summary}`,
    styles: { default: { document: { run: { font: FONT, size: PT14 } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN }, titlePage: true },
        // The decree numbers pages from the second, centred at the top.
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: PT13, children: [PageNumber.CURRENT] })] })] }),
          first: new Header({ children: [] }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
