/**
 * Deadline phrases. A date is a deadline only when a deadline word governs it ("trước",
 * "chậm nhất", "hạn", "hoàn thành", "đến", "trong"): the dates of cited documents ("Kế hoạch số
 * 984/KH-SNgV ngày 31/12/2020") have none and are never deadlines. Matching runs on folded text
 * (no diacritics), so "hằng/hàng", "quý/quí" and typing without accents read the same.
 */
import { addDays, lastDayOfMonth, readDate, type IsoDate } from '../domain/dates.js';
import type { Period } from '../domain/recurrence.js';
import type { WorkingCalendar } from '../domain/working-days.js';
import { foldSameLength } from './normalize.js';
import type { Timing } from './types.js';

export interface DeadlineContext {
  /** The day relative phrases count from: the issue date, else the meeting date, else today. */
  base: IsoDate;
  calendar: WorkingCalendar;
}

const GOVERNOR = String.raw`(?:truoc|cham nhat(?: la)?|han chot(?: la)?|thoi han(?: hoan thanh)?|han(?: hoan thanh)?|hoan thanh|xong|khong qua|khong muon hon|(?<!tinh )den het|(?<!tinh )den|ket thuc)`;
/** "14 giờ, ", "9h30 " between the deadline word and the day. */
const CLOCK = String.raw`(?:(?:luc\s+)?\d{1,2}\s*(?:gio|h)(?:\s*\d{1,2}(?:\s*phut)?)?\s*,?\s*)?`;
const LINK = String.raw`\s*:?\s*(?:vao\s+|la\s+)?` + CLOCK + String.raw`(?:ngay\s*)?`;
const DAY_MONTH_YEAR = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/])(?!\s*(?:lan|nguoi|don vi|tthc|%))`;
const WORDS_DATE = String.raw`(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:nam\s+|[/,]\s*)(\d{4}))?`;

const DATE_RULES = [
  new RegExp(String.raw`\b${GOVERNOR}${LINK}(?:${DAY_MONTH_YEAR}|${WORDS_DATE})`, 'g'),
];
const MONTH = /\b(trong|truoc|cuoi|het|den het|den|hoan thanh|xong|thoi han\s*:|han\s*:)\s*(?:ngay cuoi\s+)?thang\s+(\d{1,2})\s*(?:[/-]\s*|\s+nam\s+)(\d{4})\b/g;
const QUARTER = /\b(trong|truoc|cuoi|het|den het|den|hoan thanh|xong|thoi han\s*:|han\s*:)\s*quy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:[/-]\s*|\s*nam\s+)(\d{4}))?/g;
const HALF = /\b(?:trong|truoc|den|het|den het|hoan thanh|xong|cua|thoi han\s*:|han\s*:)\s*(?:6|sau)\s+thang\s+(dau|cuoi)\s+nam\b(?:\s+(\d{4}))?/g;
const YEAR_END = /\b(?:tu nay den|den|truoc|vao)\s+(?:(?:het|cuoi)\s+nam(?:\s+(\d{4})|\s+nay)?|nam\s+(\d{4}))|\btrong\s+nam\s+(?:(\d{4})|nay)\b/g;
const WORKING_DAYS = /\btrong(?:\s+vong|\s+thoi han|\s+thoi gian)?\s+(\d{1,3})\s+ngay\s+lam\s+viec\b/g;
const CALENDAR_DAYS = /\btrong(?:\s+vong|\s+thoi han|\s+thoi gian)?\s+(\d{1,3})\s+ngay\b(?!\s+lam\s+viec)/g;

/** "… kể từ khi kết thúc sự kiện": counted from an event, not from the document. */
const FROM_EVENT = /^\s*,?\s*(?:ke\s+)?tu\s+(?:khi|ngay|luc|thoi diem)\s+(?!(?:ban hanh|ky|nhan duoc|thong bao nay|van ban nay|ket luan nay)\b)/;

function afterEvent(folded: string, m: RegExpMatchArray): boolean {
  return FROM_EVENT.test(folded.slice(m.index! + m[0].length));
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function iso(year: number, month: number, day: number): IsoDate | null {
  return readDate(`${year}-${month}-${day}`);
}

function endOfMonth(year: number, month: number): IsoDate {
  return iso(year, month, lastDayOfMonth(year, month))!;
}

/** A day and month with no year: the first such day on or after the base date. */
function withYear(day: number, month: number, base: IsoDate): IsoDate | null {
  const year = Number(base.slice(0, 4));
  const date = iso(year, month, day);
  if (date === null) return iso(year + 1, month, day);
  return date < base ? iso(year + 1, month, day) : date;
}

interface Found {
  due: IsoDate;
  yearGiven: boolean;
}

/** Every governed date in the text, in order of appearance. */
export function findDueDates(text: string, ctx: DeadlineContext): Found[] {
  const folded = foldSameLength(text);
  const found: { at: number; value: Found }[] = [];
  const baseYear = Number(ctx.base.slice(0, 4));
  const add = (at: number, due: IsoDate | null, yearGiven: boolean) => {
    if (due !== null) found.push({ at, value: { due, yearGiven } });
  };
  for (const rule of DATE_RULES) {
    for (const m of folded.matchAll(rule)) {
      const [day, month, year] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
      if (year !== undefined) add(m.index, iso(Number(year), Number(month), Number(day)), true);
      else add(m.index, withYear(Number(day), Number(month), ctx.base), false);
    }
  }
  for (const m of folded.matchAll(MONTH)) {
    const year = Number(m[3]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) continue;
    if (m[1] === 'truoc') add(m.index, addDays(`${year}-${String(month).padStart(2, '0')}-01`, -1), true);
    else add(m.index, endOfMonth(year, month), true);
  }
  for (const m of folded.matchAll(QUARTER)) {
    const quarter = ROMAN[m[2]] ?? Number(m[2]);
    const year = m[3] !== undefined ? Number(m[3]) : baseYear;
    const last = m[1] === 'truoc' ? quarter * 3 - 3 : quarter * 3;
    if (last === 0) add(m.index, `${year - 1}-12-31`, m[3] !== undefined);
    else add(m.index, endOfMonth(year, last), m[3] !== undefined);
  }
  for (const m of folded.matchAll(HALF)) {
    const year = m[2] !== undefined ? Number(m[2]) : baseYear;
    add(m.index, m[1] === 'dau' ? `${year}-06-30` : `${year}-12-31`, m[2] !== undefined);
  }
  for (const m of folded.matchAll(YEAR_END)) {
    const given = m[1] ?? m[2] ?? m[3];
    add(m.index, `${given !== undefined ? Number(given) : baseYear}-12-31`, given !== undefined);
  }
  for (const m of folded.matchAll(WORKING_DAYS)) {
    if (!afterEvent(folded, m)) add(m.index, ctx.calendar.addWorkingDays(ctx.base, Number(m[1])), false);
  }
  for (const m of folded.matchAll(CALENDAR_DAYS)) {
    if (!afterEvent(folded, m)) add(m.index, addDays(ctx.base, Number(m[1])), false);
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.value);
}

const RECURRENCES: [RegExp, Period][] = [
  [/\b(?:hang|moi)\s+thang\b|\bdinh ky\s+(?:hang\s+)?thang\b/, 'month'],
  [/\b(?:hang|moi)\s+quy\b|\bdinh ky\s+(?:hang\s+)?quy\b/, 'quarter'],
  [/\bdinh ky\s+(?:6|sau)\s+thang\b|\b(?:6|sau)\s+thang\s+(?:mot|1)\s+lan\b|\b(?:hang|moi)\s+(?:6|sau)\s+thang\b|\bhang nua nam\b/, 'half-year'],
  [/\b(?:hang|moi)\s+nam\b|\bdinh ky\s+(?:hang\s+)?nam\b/, 'year'],
];
const PERIOD_DAY = /\btruoc\s+ngay\s+(\d{1,2})\b(?!\s*[/.-]\s*\d)(?!\s+thang\s+\d)/;
const ONGOING = /\bthuong xuyen\b/;

/**
 * The timing a directive states itself, or null. A date wins; then "thường xuyên" opening the
 * item (it governs the main verb); then a recurrence; then "thường xuyên" anywhere.
 */
export function findTiming(text: string, ctx: DeadlineContext): Timing | null {
  const dates = findDueDates(text, ctx);
  const folded = foldSameLength(text).trim();
  const every = RECURRENCES.find(([pattern]) => pattern.test(folded))?.[1];
  // "hằng năm, trước ngày 15 tháng 12": a day with no year is the recurrence's day.
  if (every && dates.length > 0 && dates.every((d) => !d.yearGiven)) {
    return { kind: 'recurring', every, day: Number(dates[0].due.slice(8, 10)) };
  }
  if (dates.length > 0) {
    // A directive with several stages is done when its last stage is.
    const last = dates.reduce((a, b) => (b.due > a.due ? b : a));
    return { kind: 'due', due: last.due, yearGiven: last.yearGiven };
  }
  if (/^thuong xuyen\b/.test(folded)) return { kind: 'ongoing' };
  // A duty that falls due a few days after each event has no date of its own: it is standing.
  for (const m of folded.matchAll(/\btrong(?:\s+vong|\s+thoi han|\s+thoi gian)?\s+\d{1,3}\s+ngay(?:\s+lam\s+viec)?/g)) {
    if (afterEvent(folded, m)) return { kind: 'ongoing' };
  }
  if (every) {
    const day = PERIOD_DAY.exec(folded);
    return { kind: 'recurring', every, day: day ? Math.min(Number(day[1]), 31) : null };
  }
  if (ONGOING.test(folded)) return { kind: 'ongoing' };
  return null;
}
