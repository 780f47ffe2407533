/**
 * Recurring tasks ("hàng tháng", "hàng quý", "6 tháng", "hàng năm"): a series whose every period
 * gets its own occurrence with its own due date.
 *
 * `--day N` follows the periodic reporting rule of Nghị định 09/2019/NĐ-CP: the deadline is day N
 * of the period's last month (a quarterly report "trước ngày 20 của tháng cuối quý"); without it,
 * the period's last day. Day 31 in a short month falls on that month's last day.
 */
import { addDays, lastDayOfMonth, type IsoDate } from './dates.js';

export const PERIODS = ['week', 'month', 'quarter', 'half-year', 'year'] as const;
export type Period = (typeof PERIODS)[number];

const MONTHS_IN: Record<Exclude<Period, 'week'>, number> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };

export interface Occurrence {
  /** "2021-07", "2021-Q3", "2021-H2", "2021": one occurrence per series and key. */
  key: string;
  start: IsoDate;
  end: IsoDate;
  due: IsoDate;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The period of the given kind that contains `date`. */
export function periodContaining(every: Period, date: IsoDate, day: number | null = null): Occurrence {
  if (every === 'week') return weekContaining(date, day);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const length = MONTHS_IN[every];
  const firstMonth = Math.floor((month - 1) / length) * length + 1;
  const lastMonth = firstMonth + length - 1;
  const last = lastDayOfMonth(year, lastMonth);
  const index = (firstMonth - 1) / length + 1;
  const key =
    every === 'month' ? `${year}-${pad(month)}` : every === 'quarter' ? `${year}-Q${index}` : every === 'half-year' ? `${year}-H${index}` : `${year}`;
  const end = `${year}-${pad(lastMonth)}-${pad(last)}`;
  return {
    key,
    start: `${year}-${pad(firstMonth)}-01`,
    end,
    due: day === null ? end : `${year}-${pad(lastMonth)}-${pad(Math.min(day, last))}`,
  };
}

/** A week runs Monday to Sunday; `day` is its weekday (1 = thứ Hai … 7 = Chủ nhật), by default Sunday. */
function weekContaining(date: IsoDate, day: number | null): Occurrence {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const start = addDays(date, -weekday);
  const end = addDays(start, 6);
  return { key: `${start}W`, start, end, due: day === null ? end : addDays(start, Math.min(Math.max(day, 1), 7) - 1) };
}

export function nextPeriodStart(every: Period, date: IsoDate): IsoDate {
  if (every === 'week') return addDays(weekContaining(date, null).start, 7);
  const { end } = periodContaining(every, date);
  const year = Number(end.slice(0, 4));
  const month = Number(end.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
}

/**
 * The occurrences of a series begun in `from` whose periods have begun by `asOf`
 * (and, with `until`, by that date), starting with the period that contains `from`.
 */
export function occurrencesBetween(every: Period, day: number | null, from: IsoDate, asOf: IsoDate, until: IsoDate | null): Occurrence[] {
  const out: Occurrence[] = [];
  const limit = until !== null && until < asOf ? until : asOf;
  for (let start = from; start <= limit; start = nextPeriodStart(every, start)) {
    out.push(periodContaining(every, start, day));
  }
  return out;
}

/**
 * The start of the first period a series begun on `startsOn` covers: the period containing that
 * day, unless its due date has already passed, in which case the next one.
 */
export function firstPeriodStart(every: Period, day: number | null, startsOn: IsoDate): IsoDate {
  const current = periodContaining(every, startsOn, day);
  return current.due >= startsOn ? current.start : nextPeriodStart(every, startsOn);
}
