/**
 * A PDF's text layer → blocks, from where pdf.js puts each run of text: runs on one baseline
 * make a line (in the order the page's content stream draws them, which keeps a header's two
 * columns apart); a raised small number glued to a word is a footnote reference and is dropped;
 * small print at a page's foot is a footnote; page numbers and lines repeated at the same
 * place on every page (running headers, footers) are dropped; then lines become paragraphs by
 * the page's line spacing, left margin and right edge.
 */
import type { Block } from './block.js';
import { unwrapLines, type Line } from './unwrap.js';

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL: boolean;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

interface Draft {
  parts: PdfItem[];
  y: number;
  size: number;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function linesOf(page: PdfPage): Draft[] {
  const lines: Draft[] = [];
  let current: Draft | null = null;
  const sizes = page.items.filter((i) => i.str.trim() && i.height > 0).map((i) => i.height);
  const body = median(sizes) || 12;
  for (const item of page.items) {
    if (!item.str) {
      if (item.hasEOL && current) current = null;
      continue;
    }
    const blank = !item.str.trim();
    // A superscript: smaller, raised above the baseline of the line it sits on.
    if (current && !blank && /^\d{1,2}$/.test(item.str.trim()) && item.height < body * 0.8 && item.y > current.y + 1) continue;
    const last = current?.parts.at(-1);
    // Far apart on one baseline: two columns (the header's issuer and Quốc hiệu), two lines.
    const farApart = last !== undefined && !blank && item.x - (last.x + last.width) > body * 3;
    const sameLine = current !== null && !farApart && Math.abs(item.y - current.y) < Math.max(2, Math.min(item.height || body, current.size || body) * 0.5);
    if (!sameLine) {
      if (blank) continue;
      current = { parts: [], y: item.y, size: 0 };
      lines.push(current);
    }
    current!.parts.push(item);
    if (!blank) current!.size = Math.max(current!.size, item.height);
    if (item.hasEOL) current = null;
  }
  return lines.filter((l) => l.parts.some((p) => p.str.trim()));
}

function textOf(draft: Draft): string {
  let out = '';
  let end: number | null = null;
  for (const p of draft.parts) {
    if (end !== null && p.x - end > 1 && !/\s$/.test(out) && !/^[\s)\],.;:]/.test(p.str)) out += ' ';
    out += p.str;
    end = p.x + p.width;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Lines that sit at the same place on most pages, near the top or the foot: running heads and feet. */
function repeated(pages: { page: PdfPage; lines: Draft[] }[]): Set<string> {
  if (pages.length < 3) return new Set();
  const seen = new Map<string, number>();
  for (const { page, lines } of pages) {
    const keys = new Set<string>();
    for (const l of lines) {
      if (l.y > page.height * 0.1 && l.y < page.height * 0.9) continue;
      keys.add(`${Math.round(l.y / 4)}:${textOf(l).replace(/\d+/g, '#')}`);
    }
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n >= Math.max(2, pages.length * 0.6)).map(([k]) => k));
}

export function pdfBlocks(pages: PdfPage[]): Block[] {
  const drafts = pages.map((page) => ({ page, lines: linesOf(page) }));
  const running = repeated(drafts);
  const all: Line[] = [];
  const bodySize = median(drafts.flatMap((d) => d.lines.map((l) => l.size)).filter((s) => s > 0)) || 12;
  drafts.forEach(({ page, lines }, p) => {
    const gaps = lines.slice(1).map((l, i) => lines[i].y - l.y).filter((g) => g > 0);
    const spacing = median(gaps) || bodySize * 1.2;
    lines.forEach((l, i) => {
      if (running.has(`${Math.round(l.y / 4)}:${textOf(l).replace(/\d+/g, '#')}`)) return;
      const prev = lines[i - 1];
      const gap = prev ? prev.y - l.y : Infinity;
      const first = l.parts.find((x) => x.str.trim())!;
      const last = [...l.parts].reverse().find((x) => x.str.trim())!;
      all.push({
        text: textOf(l),
        page: p + 1,
        line: i + 1,
        left: first.x,
        right: last.x + last.width,
        // A wider gap than the page's spacing, or a jump up the page (the next column).
        gapBefore: i === 0 ? p === 0 : gap > spacing * 1.5 || gap < -spacing * 0.5,
        small: l.size > 0 && l.size < bodySize * 0.85 && l.y < page.height * 0.25,
      });
    });
  });
  return unwrapLines(all);
}
