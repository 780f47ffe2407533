/**
 * A source's metadata where the text gives it: number ("Số: 304/TB-VPCP", "Công văn số
 * 6202/UBND-KT"), issue date ("Quảng Hòa, ngày 02 tháng 8 năm 2023", even split over lines),
 * meeting date and chair ("Ngày 24/6/2021, … Giám đốc Sở … chủ trì buổi họp"), title. Only the
 * document's head and the report before the instructions are read, so the numbers and dates
 * of documents cited in the instructions are never taken for the source's own.
 */
import { readDate, type IsoDate } from '../domain/dates.js';
import { foldSameLength } from './normalize.js';
import type { SourceMeta } from './types.js';

const HEAD_LINES = 25;
/** "304/TB-VPCP", "1234 /UBND-KT", "56 -CV/ĐU" (a Party body's style: the kind before the issuer). */
const NUMBER = String.raw`(\d{1,6}\s*(?:\/\s*\d{4}\s*)?[/-]\s*[\p{Lu}Đ][\p{L}Đđ0-9&]*(?:\s*[-/]\s*[\p{L}Đđ0-9&]+)*)`;
const NUMBER_LINE = new RegExp(String.raw`^\s*(?:(?:Công văn|Thông báo|Kế hoạch|Quyết định|Chỉ thị|Báo cáo|Tờ trình|Kết luận|Công điện)\s+)?Số\s*(?:[:.]\s*|\s+)${NUMBER}`, 'iu');

const KINDS: [RegExp, string][] = [
  [/^thong bao\b/, 'TB'],
  [/^cong van\b/, 'CV'],
  [/^ke hoach\b/, 'KH'],
  [/^chi thi\b/, 'CT'],
  [/^quyet dinh\b/, 'QĐ'],
  [/^bao cao\b/, 'BC'],
  [/^(?:ket luan|y kien (?:ket luan|chi dao))\b/, 'KL'],
];

/** "984/KH-SNgV" → KH and SNgV; "6202/UBND-KT" → CV and UBND (a công văn has no kind code). */
export function partsOfNumber(number: string): { kind: string | null; issuer: string | null } {
  const m = /\/(?:\d{4}\/)?([\p{L}Đđ0-9]+)(?:-([\p{L}Đđ0-9-]+))?$/u.exec(number);
  if (!m) return { kind: null, issuer: null };
  const known = /^(?:TB|KH|QĐ|CT|BC|KL|NQ|TTr|HD|CĐ|KH|TT|NĐ|QC|ĐA|CTr)$/u.test(m[1]);
  if (known) return { kind: m[1], issuer: m[2] ?? null };
  return { kind: 'CV', issuer: m[1] };
}

function dateOf(day: string, month: string, year: string): IsoDate | null {
  return readDate(`${year}-${month}-${day}`);
}

const DATE_WORDS = String.raw`(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})`;
const DATE_DIGITS = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`;

function firstDate(folded: string, pattern: RegExp): { date: IsoDate; at: number } | null {
  const m = pattern.exec(folded);
  if (!m) return null;
  const date = m[1] !== undefined ? dateOf(m[1], m[2], m[3]) : dateOf(m[4], m[5], m[6]);
  return date ? { date, at: m.index } : null;
}

/**
 * "Quảng Hòa, ngày 02 tháng 8 năm 2023": a place, a comma, then the date. The word must start
 * after a non-letter: tried from every letter of a long word, the pattern would read the rest of
 * the word each time (100 KB of letters took a minute).
 */
const ISSUE_DATE = new RegExp(String.raw`(?<![\p{L}.])[\p{L}.]{1,60}\s*,\s*ngay\s+(?:${DATE_WORDS}|${DATE_DIGITS})`, 'u');
const MEETING_WORDS = /\b(?:hop|hoi nghi|lam viec|giao ban|hoi thao|toa dam|kiem tra)\b/;
const CITED = /\b(?:so|so hieu)\s*:?\s*\d+\S*(?:\s+\S+){0,2}\s+ngay\s*$/;

function meetingDate(folded: string): IsoDate | null {
  const anyDate = new RegExp(String.raw`(?:ngay\s+)?(?:${DATE_WORDS}|${DATE_DIGITS})`, 'g');
  for (const sentence of folded.split(/(?<=[.!?])\s+|\n/)) {
    if (!MEETING_WORDS.test(sentence)) continue;
    for (const m of sentence.matchAll(anyDate)) {
      if (CITED.test(sentence.slice(0, m.index + m[0].indexOf('ngay') + 4)) && m[0].startsWith('ngay')) continue;
      const date = m[1] !== undefined ? dateOf(m[1], m[2], m[3]) : dateOf(m[4], m[5], m[6]);
      if (date) return date;
    }
  }
  return null;
}

/** "…, Giám đốc Sở Ngoại vụ đã chủ trì buổi họp" → "Giám đốc Sở Ngoại vụ". */
function chairOf(text: string): string | null {
  const folded = foldSameLength(text);
  const m = /(?:^|[,.;]\s*)([^,.;\n]{3,120}?)\s+(?:da\s+)?chu tri\s+(?:buoi|cuoc|hoi nghi|phien|hop)/.exec(folded);
  if (m) return text.slice(m.index + m[0].indexOf(m[1]), m.index + m[0].indexOf(m[1]) + m[1].length).trim();
  const under = /duoi su chu tri cua\s+([^,.;\n]{3,120})/.exec(folded);
  if (under) return text.slice(under.index + under[0].length - under[1].length, under.index + under[0].length).trim();
  return null;
}

/** The chair as the body says it, or the title's fuller form of the same post with the person's name. */
function chairWithName(chair: string | null, concluder: string | null): string | null {
  if (!concluder) return chair;
  return !chair || foldSameLength(concluder).includes(foldSameLength(chair)) ? concluder : chair;
}

/**
 * "Kết luận của đồng chí Nguyễn Văn A - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh tại …": the official
 * who concluded, as the title names them (a thông báo kết luận's chair).
 */
function concluderOf(title: string | null): string | null {
  if (!title) return null;
  const m = /^(?:thong bao\s+)?(?:y kien\s+)?ket luan(?:\s+va\s+chi dao)?\s+cua\s+(?:dong chi\s+)?(.{3,200}?)\s+(?:tai|ve|trong|khi|kiem tra|lam viec|chu tri|o)\s/.exec(foldSameLength(title));
  if (!m) return null;
  const at = m.index + m[0].indexOf(m[1]);
  return title.slice(at, at + m[1].length).trim() || null;
}

function isHeaderLine(line: string, folded: string): boolean {
  return (
    NUMBER_LINE.test(line) ||
    ISSUE_DATE.test(folded) ||
    /^(?:cong hoa|doc lap|ubnd|uy ban|so |thu |-{3,}|_{3,})/.test(folded) ||
    (line === line.toUpperCase() && /\p{L}/u.test(line) && line.length < 80) ||
    /^(?:thu (?:hai|ba|tu|nam|sau|bay)|chu nhat)\s*-\s*\d/.test(folded)
  );
}

function titleOf(lines: string[]): string | null {
  const folded = lines.map((l) => foldSameLength(l));
  // "THÔNG BÁO" on a line of its own: the trích yếu follows it.
  const kindLine = folded.findIndex((f) => KINDS.some(([p]) => p.test(f)) && f.split(' ').length <= 3);
  if (kindLine >= 0 && lines[kindLine + 1]) {
    const parts: string[] = [];
    for (let i = kindLine + 1; i < lines.length && lines[i] && !/^[-_]{3,}/.test(lines[i]) && !/^ngay\b/.test(folded[i]) && parts.length < 3; i++) parts.push(lines[i]);
    if (parts.length) return parts.join(' ');
  }
  const first = lines.find((l, i) => l && !isHeaderLine(l, folded[i]));
  return first ?? null;
}

/** Metadata from the text before the directive part. */
export function extractMetadata(text: string, before: string, givenTitle: string | null = null): SourceMeta {
  const all = text.split('\n').map((l) => l.trim());
  const lines = all.filter(Boolean);
  const head = lines.slice(0, HEAD_LINES);
  const headText = head.join('\n');
  const numberMatch = head.map((l) => NUMBER_LINE.exec(l)).find((m) => m);
  const number = numberMatch ? numberMatch[1].replace(/\s+/g, '') : null;
  const parts = number ? partsOfNumber(number) : { kind: null, issuer: null };
  const foldedHead = foldSameLength(headText);
  const issued = firstDate(foldedHead, ISSUE_DATE);
  const title = givenTitle ?? titleOf(all.slice(0, all.indexOf(head.at(-1) ?? '') + 1));
  let kind = parts.kind;
  if (!number || kind === 'CV') {
    const byTitle = [...head.slice(0, 8), title ?? ''].map((l) => foldSameLength(l)).map((f) => KINDS.find(([p]) => p.test(f))?.[1]).find(Boolean);
    if (!number) kind = byTitle ?? null;
  }
  return {
    kind,
    number,
    issuer: parts.issuer,
    issuedOn: issued?.date ?? null,
    meetingOn: meetingDate(foldSameLength(before)),
    chair: chairWithName(chairOf(before), concluderOf(title)),
    title,
  };
}
