/**
 * Calendar dates as ISO strings (YYYY-MM-DD). A due date is a day in Vietnam, not an instant, so
 * arithmetic is done on UTC midnights where no daylight saving or machine time zone can shift it.
 */
import { ValidationError, t } from './errors.js';

export type IsoDate = string;

export const MIN_DATE: IsoDate = '2000-01-01';
export const MAX_DATE: IsoDate = '2099-12-31';
const DAY_MS = 86_400_000;
/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const VIETNAMESE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function toIso(year: number, month: number, day: number): IsoDate | null {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/** Reads YYYY-MM-DD or DD/MM/YYYY (also D/M/YYYY and with dots), or returns null. */
export function readDate(input: string): IsoDate | null {
  const text = input.trim();
  let m = ISO.exec(text);
  if (m) return toIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = VIETNAMESE.exec(text);
  if (m) return toIso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** Like readDate, but refuses what is not a real date between 2000 and 2099. */
export function parseDate(input: string, what: string = 'ngày'): IsoDate {
  const iso = readDate(input);
  if (iso === null) {
    throw new ValidationError(
      t(`${what} không hợp lệ: "${input}"`, `invalid date: "${input}"`),
      t('viết ngày theo dạng YYYY-MM-DD hoặc DD/MM/YYYY, ví dụ 30/09/2021', 'write dates as YYYY-MM-DD or DD/MM/YYYY, e.g. 30/09/2021'),
    );
  }
  if (iso < MIN_DATE || iso > MAX_DATE) {
    throw new ValidationError(
      t(`${what} ngoài khoảng cho phép: "${input}"`, `date out of range: "${input}"`),
      t('chỉ nhận ngày từ 01/01/2000 đến 31/12/2099', 'only dates from 2000-01-01 to 2099-12-31 are accepted'),
    );
  }
  return iso;
}

export function todayInVietnam(now: Date): IsoDate {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

function ms(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(ms(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((ms(to) - ms(from)) / DAY_MS);
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** dd/mm/yyyy, the way Vietnamese documents write dates. */
export function formatDate(date: IsoDate | null | undefined): string {
  if (!date) return '';
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
