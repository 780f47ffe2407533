/**
 * Time expressions of a directive, each by its role. A date is a deadline only when a deadline
 * word governs it ("trước", "chậm nhất", "hạn", "hoàn thành", "đến", "trong ngày", "vào
 * ngày"): the dates of cited documents ("Kế hoạch số 984/KH-SNgV ngày 31/12/2020") have none;
 * a plan's horizon or period ("đến năm 2030, tầm nhìn đến năm 2045", "giai đoạn 2026 - 2030",
 * "từ năm 2021 đến ngày 31/3/2025") and a year named alone ("năm 2026") are not deadlines.
 * A recurrence ("hằng tháng trước ngày 20", "định kỳ 02 tuần/lần", "báo cáo 6 tháng … trước
 * ngày 10/7") makes the task recurring; "N ngày làm việc kể từ ngày ký" counts from the issue
 * date; a deadline counted from an event the document cannot date ("kể từ ngày nhận được",
 * "sau khi … được phê duyệt") is flagged `deadline_relative`, and an impossible date
 * ("31/04/2026", "quý V") `deadline_invalid`, never dropped in silence. Matching runs on folded
 * text (no diacritics), so "hằng/hàng", "quý/quí" and typing without accents read the same.
 */
import { addDays, lastDayOfMonth, readDate, type IsoDate } from '../domain/dates.js';
import type { Period } from '../domain/recurrence.js';
import type { WorkingCalendar } from '../domain/working-days.js';
import { foldSameLength } from './normalize.js';
import type { Flag, Timing } from './types.js';

export interface DeadlineContext {
  /** The day relative phrases count from: the issue date, else the meeting date, else today. */
  base: IsoDate;
  calendar: WorkingCalendar;
  /** The signing date, when the document gives it: "kể từ ngày ký" counts from it alone. */
  issuedOn?: IsoDate | null;
}

const GOVERNOR = String.raw`(?:truoc|cham nhat(?: la)?|han chot(?: la)?|thoi han(?: hoan thanh)?|han(?: hoan thanh)?|hoan thanh|xong|khong qua|khong muon hon|(?<!tinh )den het|(?<!tinh )den|ket thuc|trong(?=\s+ngay\s)|vao(?=\s+(?:luc\s+)?(?:\d{1,2}\s*(?:gio|h)\b[^,]{0,12},?\s*)?ngay\s))`;
/** "14 giờ, ", "9h30 " between the deadline word and the day. */
const CLOCK = String.raw`(?:(?:luc\s+)?\d{1,2}\s*(?:gio|h)(?:\s*\d{1,2}(?:\s*phut)?)?\s*,?\s*)?`;
const LINK = String.raw`\s*:?\s*(?:vao\s+|la\s+)?` + CLOCK + String.raw`(?:ngay\s*)?`;
const DAY_MONTH_YEAR = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/])(?!\s*(?:lan|nguoi|don vi|tthc|%))`;
const WORDS_DATE = String.raw`(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:nam\s*|[/,]\s*)(\d{4}))?`;

const DATE_RULE = new RegExp(String.raw`\b${GOVERNOR}${LINK}(?:${DAY_MONTH_YEAR}|${WORDS_DATE})`, 'g');
const MONTH = /\b(trong|truoc|cuoi|het|den het|den|hoan thanh|xong|thoi han|han)\s*:?\s*(?:ngay cuoi\s+)?thang\s+(\d{1,2})\s*(?:[/-]\s*|\s*nam\s+)(\d{4})\b/g;
const QUARTER = /\b(trong|truoc|cuoi|het|den het|den|hoan thanh|xong|thoi han|han)\s*:?\s*quy\s+([ivx]{1,4}|\d)\b(?:\s*(?:[/-]\s*|\s*nam\s+)(\d{4}))?/g;
const HALF = /\b(?:trong|truoc|den|het|den het|hoan thanh|xong|cua|thoi han\s*:|han\s*:)\s*(?:6|sau)\s+thang\s+(dau|cuoi)\s+nam\b(?:\s+(\d{4}))?/g;
const YEAR_END = /\b(?:den het|het|cuoi)\s+nam(?:\s+(\d{4})|\s+nay)?\b(?!\s*\d)/g;
const WORKING_DAYS = /\b(?:trong|truoc|cham nhat|sau)(?:\s+vong|\s+thoi han|\s+thoi gian)?\s+(\d{1,3})\s+ngay\s+lam\s+viec\b/g;
const CALENDAR_DAYS = /\b(?:trong|truoc|cham nhat|sau)(?:\s+vong|\s+thoi han|\s+thoi gian)?\s+(\d{1,3})\s+ngay\b(?!\s+lam\s+viec)/g;

/** What a count of days is counted from, when the text says. */
const FROM = /^\s*,?\s*(?:ke\s+)?tu\s+(?:khi|ngay|luc|thoi diem)\s+(\S+(?:\s+\S+){0,3})/;
const FROM_SIGNING = /^(?:ky|ban hanh|van ban nay|thong bao nay|ket luan nay|cong van nay|ky ban hanh)\b/;
const FROM_RECEIPT = /^(?:nhan duoc|nhan)\b/;
/** "sau khi … được phê duyệt": a deadline that starts with an event of unknown date. */
const AFTER_EVENT = /\bsau khi\b[^.;]{0,80}\b(?:duoc|phe duyet|ban hanh|co (?:van ban|y kien|ket qua))\b/;
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
  /** Where the phrase starts and ends in the text. */
  at: number;
  end: number;
}

interface Scan {
  found: Found[];
  invalid: { at: number; end: number } | null;
  relative: { at: number; end: number } | null;
  standing: { at: number; end: number } | null;
}

/** "từ năm 2021 đến ngày 31/3/2025": the end of a span of time, not a deadline. */
function endsASpan(folded: string, at: number): boolean {
  const before = folded.slice(Math.max(0, at - 50), at);
  return /\btu\s+(?:ngay|nam|thang)\b[^;.]*$/.test(before) && /^\s*den\b/.test(folded.slice(at));
}

function scan(text: string, ctx: DeadlineContext): Scan {
  const folded = foldSameLength(text);
  const found: Found[] = [];
  let invalid: Scan['invalid'] = null;
  let relative: Scan['relative'] = null;
  let standing: Scan['standing'] = null;
  const baseYear = Number(ctx.base.slice(0, 4));
  const add = (m: RegExpMatchArray, due: IsoDate | null, yearGiven: boolean) => {
    const span = { at: m.index!, end: m.index! + m[0].length };
    if (due === null) invalid ??= span;
    else found.push({ due, yearGiven, ...span });
  };
  for (const m of folded.matchAll(DATE_RULE)) {
    if (endsASpan(folded, m.index)) continue;
    const [day, month, year] = m[1] !== undefined ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
    if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) {
      add(m, null, true);
      continue;
    }
    if (year !== undefined) add(m, iso(Number(year), Number(month), Number(day)), true);
    else add(m, withYear(Number(day), Number(month), ctx.base), false);
  }
  for (const m of folded.matchAll(MONTH)) {
    if (endsASpan(folded, m.index)) continue;
    const year = Number(m[3]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) {
      add(m, null, true);
      continue;
    }
    if (m[1] === 'truoc') add(m, addDays(`${year}-${String(month).padStart(2, '0')}-01`, -1), true);
    else add(m, endOfMonth(year, month), true);
  }
  for (const m of folded.matchAll(QUARTER)) {
    const quarter = ROMAN[m[2]] ?? Number(m[2]);
    if (!(quarter >= 1 && quarter <= 4)) {
      add(m, null, true);
      continue;
    }
    const year = m[3] !== undefined ? Number(m[3]) : baseYear;
    const last = m[1] === 'truoc' ? quarter * 3 - 3 : quarter * 3;
    if (last === 0) add(m, `${year - 1}-12-31`, m[3] !== undefined);
    else add(m, endOfMonth(year, last), m[3] !== undefined);
  }
  for (const m of folded.matchAll(HALF)) {
    const year = m[2] !== undefined ? Number(m[2]) : baseYear;
    add(m, m[1] === 'dau' ? `${year}-06-30` : `${year}-12-31`, m[2] !== undefined);
  }
  for (const m of folded.matchAll(YEAR_END)) add(m, `${m[1] !== undefined ? Number(m[1]) : baseYear}-12-31`, m[1] !== undefined);
  for (const [rule, working] of [[WORKING_DAYS, true], [CALENDAR_DAYS, false]] as const) {
    for (const m of folded.matchAll(rule)) {
      const from = FROM.exec(folded.slice(m.index + m[0].length));
      const span = { at: m.index, end: m.index + m[0].length + (from?.[0].length ?? 0) };
      let base: IsoDate | null = ctx.base;
      // "sau khi đề án được phê duyệt, trong 30 ngày …": counted from an event the text cannot date.
      if (AFTER_EVENT.test(folded.slice(Math.max(0, m.index - 120), m.index).split(/[.;]/).at(-1) ?? '')) base = null;
      else if (from) {
        // "kể từ ngày ký": from the signing date; a draft with no date yet leaves it to the reviewer.
        if (FROM_SIGNING.test(from[1])) base = ctx.issuedOn === undefined ? ctx.base : ctx.issuedOn;
        else if (FROM_RECEIPT.test(from[1])) base = null;
        else {
          // "… kể từ khi kết thúc sự kiện": a duty that falls due after each event has no date of its own.
          standing ??= { at: m.index, end: m.index + m[0].length + from[0].length };
          continue;
        }
      }
      if (base === null) {
        relative ??= span;
        continue;
      }
      const due = working ? ctx.calendar.addWorkingDays(base, Number(m[1])) : addDays(base, Number(m[1]));
      found.push({ due, yearGiven: false, ...span });
    }
  }
  if (!relative && found.length === 0) {
    const after = AFTER_EVENT.exec(folded);
    if (after && /\b(?:trong|truoc|cham nhat)\s+(?:vong\s+)?\d{1,3}\s+(?:ngay|thang|tuan)\b/.test(folded.slice(after.index))) relative = { at: after.index, end: after.index + after[0].length };
  }
  found.sort((a, b) => a.at - b.at);
  return { found, invalid, relative, standing };
}

/** Every governed date in the text, in order of appearance. */
export function findDueDates(text: string, ctx: DeadlineContext): { due: IsoDate; yearGiven: boolean }[] {
  return scan(text, ctx).found.map(({ due, yearGiven }) => ({ due, yearGiven }));
}

const RECURRENCES: [RegExp, Period][] = [
  [/\b(?:hang|moi)\s+tuan\b|\bdinh ky\s+(?:hang\s+)?tuan\b|\b(?:\d{1,2}\s+)?tuan\s*\/\s*(?:mot\s+|1\s+)?lan\b|\bdinh ky\s+\d{1,2}\s+tuan\b/, 'week'],
  [/\b(?:hang|moi)\s+thang\b|\bdinh ky\s+(?:hang\s+)?thang\b|\bthang\s+lien ke\b|\bthang\s*\/\s*lan\b/, 'month'],
  [/\b(?:hang|moi)\s+quy\b|\bdinh ky\s+(?:hang\s+)?quy\b|\bquy\s*\/\s*lan\b/, 'quarter'],
  [/\bdinh ky\s+(?:6|sau)\s+thang\b|\b(?:6|sau)\s+thang\s+(?:mot|1)\s+lan\b|\b(?:hang|moi)\s+(?:6|sau)\s+thang\b|\bhang nua nam\b|\bbao cao\s+(?:dinh ky\s+)?(?:6|sau)\s+thang\b/, 'half-year'],
  [/\b(?:hang|moi)\s+nam\b|\bdinh ky\s+(?:hang\s+)?nam\b|\bnam\s+(?:truoc\s+)?lien ke\b/, 'year'],
];
const PERIOD_DAY = /\b(?:truoc|cham nhat(?:\s+(?:la|vao))?|vao|den)\s+(?:\d{1,2}\s*(?:gio|h)\s*)?ngay\s+(\d{1,2})\b(?!\s*[/.-]\s*\d)(?!\s+thang\s+\d)/;
const WEEKDAY: Record<string, number> = { hai: 1, ba: 2, tu: 3, nam: 4, sau: 5, bay: 6 };
const ONGOING = /\bthuong xuyen\b/;
/** "Kế hoạch cải cách hành chính hằng năm": a yearly document named, not a recurring task. */
const NAMED_YEARLY = /\b(?:ke hoach|chuong trinh|du toan)\b(?:\s+(?!(?:trong|truoc|thang|ngay|vao|den|quy)\b)[\p{L}\p{N}]+){0,5}\s+(?:hang|moi)\s+nam\b(?!\s*[,;:]|\s+(?:truoc|vao|cham nhat))/u;

function recurrenceOf(folded: string): { every: Period; at: number; end: number } | null {
  const named = NAMED_YEARLY.exec(folded);
  for (const [pattern, every] of RECURRENCES) {
    const m = pattern.exec(folded);
    if (!m) continue;
    if (named && m.index >= named.index && m.index + m[0].length <= named.index + named[0].length && !/\bdinh ky\b/.test(folded)) continue;
    return { every, at: m.index, end: m.index + m[0].length };
  }
  return null;
}

export interface TimingFound {
  timing: Timing | null;
  /** The words that decided it. */
  words: string;
  /** A deadline the text gives but that cannot be a date: impossible, or counted from an event. */
  flag: Flag | null;
}

/**
 * The timing a directive states itself, or null. A date wins; then "thường xuyên" opening the
 * item (it governs the main verb); then a recurrence; then "thường xuyên" anywhere.
 */
export function findTimingWithWords(text: string, ctx: DeadlineContext): TimingFound | null {
  const { found, invalid, relative, standing } = scan(text, ctx);
  const folded = foldSameLength(text).trim();
  const offset = foldSameLength(text).indexOf(folded[0] ?? '');
  const words = (at: number, end: number) => text.slice(at, end).trim().replace(/[.,;:]+$/, '');
  const every = recurrenceOf(folded);
  // "hằng năm, trước ngày 15 tháng 12": a day with no year is the recurrence's day.
  if (every && found.length > 0 && found.every((d) => !d.yearGiven)) {
    const first = found[0];
    return { timing: { kind: 'recurring', every: every.every, day: Number(first.due.slice(8, 10)) }, words: words(Math.min(every.at + offset, first.at), Math.max(every.end + offset, first.end)), flag: null };
  }
  if (found.length > 0) {
    // A directive with several stages is done when its last stage is.
    const last = found.reduce((a, b) => (b.due > a.due ? b : a));
    return { timing: { kind: 'due', due: last.due, yearGiven: last.yearGiven }, words: words(last.at, last.end), flag: null };
  }
  if (invalid) return { timing: null, words: words(invalid.at, invalid.end), flag: 'deadline_invalid' };
  if (relative) return { timing: null, words: words(relative.at, relative.end), flag: 'deadline_relative' };
  if (standing) return { timing: { kind: 'ongoing' }, words: words(standing.at, standing.end), flag: null };
  if (/^thuong xuyen\b/.test(folded)) return { timing: { kind: 'ongoing' }, words: words(offset, offset + 'thuong xuyen'.length), flag: null };
  if (every) {
    const day = PERIOD_DAY.exec(folded);
    const weekday = every.every === 'week' ? /\bthu\s+(hai|ba|tu|nam|sau|bay)\b/.exec(folded) : null;
    const dayOf = weekday ? WEEKDAY[weekday[1]] : day ? Math.min(Number(day[1]), 31) : null;
    return { timing: { kind: 'recurring', every: every.every, day: every.every === 'week' && !weekday ? null : dayOf }, words: words(every.at + offset, every.end + offset), flag: null };
  }
  const ongoing = ONGOING.exec(folded);
  if (ongoing) return { timing: { kind: 'ongoing' }, words: words(ongoing.index + offset, ongoing.index + offset + ongoing[0].length), flag: null };
  return null;
}

export function findTiming(text: string, ctx: DeadlineContext): Timing | null {
  return findTimingWithWords(text, ctx)?.timing ?? null;
}
