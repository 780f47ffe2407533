/**
 * Working days of a civil servant in Vietnam: Monday to Friday, less the public holidays of Bộ
 * luật Lao động 2019 Điều 112, the day off in lieu of a holiday that falls on a weekend (Điều
 * 111.3), and the Prime Minister's yearly decisions (extra days off, Saturdays worked in
 * exchange), which reach this module as adjustments, since they change every year.
 */
import { addDays, type IsoDate } from './dates.js';
import { lunarNewYear, solarOfLunar } from './lunar.js';

export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

export interface DayOff {
  date: IsoDate;
  name: string;
}

export interface Adjustments {
  /** Days off decided for a year beyond the statutory ones. */
  off: DayOff[];
  /** Days worked although the rules above make them days off (a swapped Saturday). */
  workdays: DayOff[];
}

export function isWeekend(date: IsoDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/**
 * The holidays the Code itself fixes. For Tết it fixes five days without saying which: the
 * default here is the lunar year's last day and the first four days, the usual choice; and for
 * Quốc khánh the day next to 2/9, taken here as 1/9. A yearly decision can move either.
 */
export function statutoryHolidays(year: number): DayOff[] {
  const tet = lunarNewYear(year);
  const days: DayOff[] = [{ date: `${year}-01-01`, name: 'Tết Dương lịch' }];
  for (let i = -1; i <= 3; i++) days.push({ date: addDays(tet, i), name: 'Tết Âm lịch' });
  days.push({ date: solarOfLunar(10, 3, year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
  days.push({ date: `${year}-04-30`, name: 'Ngày Chiến thắng' });
  days.push({ date: `${year}-05-01`, name: 'Ngày Quốc tế lao động' });
  days.push({ date: `${year}-09-01`, name: 'Quốc khánh (ngày liền kề)' });
  days.push({ date: `${year}-09-02`, name: 'Quốc khánh' });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** A holiday on a Saturday or Sunday gives the next working day off (Điều 111.3). */
export function daysInLieu(holidays: DayOff[]): DayOff[] {
  const taken = new Set(holidays.map((h) => h.date));
  const out: DayOff[] = [];
  for (const holiday of holidays) {
    if (!isWeekend(holiday.date)) continue;
    let day = addDays(holiday.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    out.push({ date: day, name: `Nghỉ bù ${holiday.name}` });
  }
  return out;
}

export interface WorkingCalendar {
  /** Days off of a year, in date order: holidays, days in lieu, decided days; no plain weekends. */
  daysOff(year: number): DayOff[];
  isWorkingDay(date: IsoDate): boolean;
  /** The day `count` working days after `from` (from itself not counted). */
  addWorkingDays(from: IsoDate, count: number): IsoDate;
}

export function makeCalendar(adjustments: Adjustments): WorkingCalendar {
  const byYear = new Map<number, Map<IsoDate, string>>();
  const worked = new Map(adjustments.workdays.map((d) => [d.date, d.name]));

  function offMap(year: number): Map<IsoDate, string> {
    let map = byYear.get(year);
    if (map) return map;
    // The days in lieu of late-December holidays of the year before can fall in January.
    const holidays = [...statutoryHolidays(year - 1), ...statutoryHolidays(year)];
    const all = [...holidays, ...daysInLieu(holidays), ...adjustments.off];
    map = new Map();
    for (const d of all.sort((a, b) => a.date.localeCompare(b.date))) {
      if (Number(d.date.slice(0, 4)) !== year || worked.has(d.date)) continue;
      if (!map.has(d.date) || adjustments.off.includes(d)) map.set(d.date, d.name);
    }
    byYear.set(year, map);
    return map;
  }

  const isWorkingDay = (date: IsoDate): boolean => {
    if (worked.has(date)) return true;
    return !isWeekend(date) && !offMap(Number(date.slice(0, 4))).has(date);
  };

  return {
    daysOff: (year) => [...offMap(year)].map(([date, name]) => ({ date, name })),
    isWorkingDay,
    addWorkingDays(from, count) {
      let day = from;
      for (let left = count; left > 0; ) {
        day = addDays(day, 1);
        if (isWorkingDay(day)) left -= 1;
      }
      return day;
    },
  };
}

export function isCalendarYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}
