/**
 * `tasks calendar …` and the working-day calendar every use case counts with: the rules of the
 * Labour Code (domain/working-days), the yearly decisions shipped in data/calendar-vn.json, and
 * the office's own changes kept in the database, latest word winning.
 */
import shipped from '../../data/calendar-vn.json' with { type: 'json' };
import { listCalendarChanges, saveCalendarChange } from '../db/calendar-repository.js';
import { addDays, formatDate, type IsoDate } from '../domain/dates.js';
import { ValidationError, t } from '../domain/errors.js';
import { cleanLine } from '../domain/text.js';
import { FIRST_YEAR, LAST_YEAR, isCalendarYear, makeCalendar, type DayOff, type WorkingCalendar } from '../domain/working-days.js';
import { audit, inTransaction, type Context } from './context.js';

export async function loadCalendar(ctx: Context): Promise<WorkingCalendar> {
  const days = new Map<IsoDate, { kind: 'off' | 'workday'; name: string }>();
  for (const d of shipped.off) days.set(d.date, { kind: 'off', name: d.name });
  for (const d of shipped.workdays) days.set(d.date, { kind: 'workday', name: d.name });
  for (const c of await listCalendarChanges(ctx.db)) days.set(c.day, { kind: c.kind, name: c.name });
  const off: DayOff[] = [];
  const workdays: DayOff[] = [];
  for (const [date, d] of days) (d.kind === 'off' ? off : workdays).push({ date, name: d.name });
  return makeCalendar({ off, workdays });
}

function checkYear(date: IsoDate): void {
  if (!isCalendarYear(Number(date.slice(0, 4)))) {
    throw new ValidationError(t(`lịch chỉ tính từ năm ${FIRST_YEAR} đến ${LAST_YEAR}`, `the calendar covers ${FIRST_YEAR} to ${LAST_YEAR} only`));
  }
}

/** Marks the days from `from` to `to` (inclusive) as days off. */
export async function addDaysOff(ctx: Context, from: IsoDate, to: IsoDate, name: string): Promise<IsoDate[]> {
  const label = cleanLine(name);
  if (!label) throw new ValidationError(t('tên ngày nghỉ để trống', 'empty name'), t('ví dụ: --name "Nghỉ Tết Nguyên đán"', 'e.g. --name "Tet holiday"'));
  if (to < from) throw new ValidationError(t(`--to ${formatDate(to)} trước ngày bắt đầu ${formatDate(from)}`, `--to ${to} is before ${from}`));
  checkYear(from);
  checkYear(to);
  const days: IsoDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  if (days.length > 366) throw new ValidationError(t('một lần chỉ ghi tối đa 366 ngày', 'at most 366 days at a time'));
  await inTransaction(ctx, async (trx) => {
    const stamp = trx.now().toISOString();
    for (const day of days) await saveCalendarChange(trx.db, { day, kind: 'off', name: label }, stamp);
    await audit(trx, 'calendar.off', {}, { from, to, name: label });
  });
  return days;
}

/** Marks a day as worked (a Saturday swapped for a day off). */
export async function addWorkday(ctx: Context, day: IsoDate, name: string | null): Promise<void> {
  checkYear(day);
  const label = cleanLine(name ?? '') || 'Ngày làm việc';
  await inTransaction(ctx, async (trx) => {
    await saveCalendarChange(trx.db, { day, kind: 'workday', name: label }, trx.now().toISOString());
    await audit(trx, 'calendar.workday', {}, { day, name: label });
  });
}

export async function daysOffIn(ctx: Context, year: number): Promise<DayOff[]> {
  if (!isCalendarYear(year)) {
    throw new ValidationError(t(`năm không hợp lệ: ${year}`, `invalid year: ${year}`), t(`chọn năm từ ${FIRST_YEAR} đến ${LAST_YEAR}`, `choose a year from ${FIRST_YEAR} to ${LAST_YEAR}`));
  }
  return (await loadCalendar(ctx)).daysOff(year);
}

export async function workingDaysAfter(ctx: Context, from: IsoDate, count: number): Promise<IsoDate> {
  checkYear(from);
  const result = (await loadCalendar(ctx)).addWorkingDays(from, count);
  checkYear(result);
  return result;
}
