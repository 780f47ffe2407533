/**
 * Plain text → blocks. Plain text arrives in three shapes: one paragraph a line (a copy from a
 * portal or Word), hard-wrapped lines (pdftotext), and the text a converter makes of a Word 97
 * file, whose tables are drawn with "|" between cells. Form feeds are page breaks. A drawn
 * table is a table of tasks when its first row names the columns (STT, nhiệm vụ, chủ trì …);
 * otherwise it is the page's layout (the header's two columns, "Nơi nhận" beside the
 * signature), read column by column as a reader does.
 */
import { row, type Block } from './block.js';
import { unwrapLines, type Line } from './unwrap.js';
import { isTaskTableHeader } from './table-header.js';

const PIPE_ROW = /^\s*\|.*\|\s*$/;

function cellsOf(line: string): string[] {
  return line.trim().slice(1, -1).split('|').map((c) => c.trim());
}

/** A drawn table's lines → rows: a row whose first cell is empty continues the row above. */
function tableRows(lines: { text: string; page: number; line: number }[], table: number): Block[] {
  const rows: { cells: string[]; page: number; line: number }[] = [];
  const header = cellsOf(lines[0].text);
  rows.push({ cells: header, page: lines[0].page, line: lines[0].line });
  for (const l of lines.slice(1)) {
    const cells = cellsOf(l.text);
    const last = rows.at(-1)!;
    if (rows.length > 1 && !cells[0] && cells.some(Boolean) && last !== rows[0]) {
      cells.forEach((c, i) => {
        if (c) last.cells[i] = last.cells[i] ? `${last.cells[i]} ${c}` : c;
      });
    } else if (cells.some(Boolean)) rows.push({ cells, page: l.page, line: l.line });
  }
  return rows.map((r) => row(r.cells, r.page, r.line, table));
}

/** A layout table's columns as lines of text, left column first. */
function columnLines(lines: { text: string; page: number; line: number }[]): Line[] {
  const width = Math.max(...lines.map((l) => cellsOf(l.text).length));
  const out: Line[] = [];
  for (let c = 0; c < width; c++) {
    let gap = true;
    for (const l of lines) {
      const cell = cellsOf(l.text)[c] ?? '';
      if (!cell) {
        gap = true;
        continue;
      }
      // A cell holds short lines of its own (issuer, number, Quốc hiệu); only a wrapped one (V/v …) goes on lower case.
      out.push({ text: cell, page: l.page, line: l.line, left: 0, right: cell.length, gapBefore: gap || !/^[\p{Ll}\d]/u.test(cell) });
      gap = false;
    }
  }
  return out;
}

/**
 * A line that holds two columns side by side ("ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI…", "Nơi
 * nhận:    TL. CHỦ TỊCH"), cut where a wide run of spaces or a tab is followed by a new start;
 * the blanks a draft leaves for its number and day ("Số:      /UBND", "ngày     tháng") are not cuts.
 */
function columnsOf(line: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let start = 0;
  for (const m of line.matchAll(/ {5,}|\t[\t ]*/g)) {
    const before = line.slice(start, m.index).trim();
    const after = line.slice(m.index + m[0].length);
    if (!before || !/^[\p{Lu}\-–(]/u.test(after) || /(?:Số:?|ngày|tháng|năm)$/iu.test(before)) continue;
    out.push({ text: before, at: start });
    start = m.index + m[0].length;
  }
  out.push({ text: line.slice(start).trim(), at: start });
  return out.filter((s) => s.text);
}

export function textBlocks(text: string): Block[] {
  const raw = text.split('\n');
  const blocks: Block[] = [];
  let lines: Line[] = [];
  let page = 1;
  let lineOnPage = 0;
  let gap = true;
  let tables = 0;
  let content = false;
  // A copy with one paragraph a line (from a portal or Word) is never hard-wrapped: each line stands alone.
  const lengths = raw.map((l) => l.trim().length).filter((n, i) => n > 0 && !PIPE_ROW.test(raw[i]) && !/^\s*(?:https?:\/\/|www\.)/.test(raw[i])).sort((a, b) => a - b);
  const onePerLine = lengths.length > 0 && lengths[Math.floor(lengths.length / 2)] > 100;
  const flush = () => {
    blocks.push(...unwrapLines(lines));
    lines = [];
  };
  for (let i = 0; i < raw.length; i++) {
    let value = raw[i];
    while (value.includes('\f')) {
      page += 1;
      lineOnPage = 0;
      value = value.slice(value.indexOf('\f') + 1);
    }
    lineOnPage += 1;
    if (PIPE_ROW.test(value)) {
      const drawn: { text: string; page: number; line: number }[] = [];
      for (; i < raw.length && PIPE_ROW.test(raw[i]); i++, lineOnPage++) drawn.push({ text: raw[i], page, line: lineOnPage });
      i -= 1;
      lineOnPage -= 1;
      if (isTaskTableHeader(cellsOf(drawn[0].text))) {
        flush();
        blocks.push(...tableRows(drawn, tables++));
      } else lines.push(...columnLines(drawn));
      gap = true;
      content = true;
      continue;
    }
    const trimmed = value.trim();
    // The address a copy was taken from, above the document: not part of it.
    if (!content && /^(?:https?:\/\/|www\.)\S/.test(trimmed)) continue;
    if (!trimmed) {
      gap = true;
      continue;
    }
    content = true;
    let left = value.length - value.trimStart().length;
    const segments = columnsOf(value.trimEnd().slice(left));
    segments.forEach((segment, k) => {
      lines.push({ text: segment.text.replace(/\s+/g, ' '), page, line: lineOnPage, left: left + segment.at, right: left + segment.at + segment.text.length, gapBefore: gap || onePerLine || k > 0 || segments.length > 1 });
    });
    gap = segments.length > 1;
    left = 0;
  }
  flush();
  return blocks;
}
