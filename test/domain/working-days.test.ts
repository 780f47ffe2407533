import { describe, expect, it } from 'vitest';
import { lunarNewYear, solarOfLunar } from '../../src/domain/lunar.js';
import { daysInLieu, makeCalendar, statutoryHolidays } from '../../src/domain/working-days.js';

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [1985, '1985-01-21'],
    [2007, '2007-02-17'],
    [2021, '2021-02-12'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
  ])('Tết %i is %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it.each([
    [2020, '2020-04-02'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
  ])('Giỗ Tổ (10/3 âm lịch) %i is %s, after a leap month too', (year, date) => {
    expect(solarOfLunar(10, 3, year)).toBe(date);
  });

  it('works across 1900–2199', () => {
    for (const year of [1900, 1950, 2100, 2199]) {
      const tet = lunarNewYear(year);
      expect(tet >= `${year}-01-20` && tet <= `${year}-02-21`).toBe(true);
    }
  });
});

describe('working days', () => {
  const plain = makeCalendar({ off: [], workdays: [] });

  it('lists the statutory holidays', () => {
    const names = statutoryHolidays(2021).map((d) => d.date);
    expect(names).toEqual(['2021-01-01', '2021-02-11', '2021-02-12', '2021-02-13', '2021-02-14', '2021-02-15', '2021-04-21', '2021-04-30', '2021-05-01', '2021-09-01', '2021-09-02']);
  });

  it('gives the next working day off for a holiday on a weekend', () => {
    const lieu = daysInLieu(statutoryHolidays(2021)).map((d) => d.date);
    // Tết 13–14/2 (Sat, Sun) → 16 and 17/2; 1/5 Saturday → Monday 3/5.
    expect(lieu).toEqual(['2021-02-16', '2021-02-17', '2021-05-03']);
  });

  it.each([
    ['2021-06-24', 10, '2021-07-08'],
    ['2021-04-29', 1, '2021-05-04'],
    ['2021-12-31', 1, '2022-01-04'],
    ['2021-02-10', 1, '2021-02-18'],
  ])('%s + %i working days = %s', (from, n, to) => {
    expect(plain.addWorkingDays(from, n)).toBe(to);
  });

  it('applies a decided day off and a swapped Saturday', () => {
    const decided = makeCalendar({ off: [{ date: '2025-05-02', name: 'Nghỉ hoán đổi' }], workdays: [{ date: '2025-04-26', name: 'Làm bù' }] });
    expect(decided.isWorkingDay('2025-05-02')).toBe(false);
    expect(decided.isWorkingDay('2025-04-26')).toBe(true);
    expect(plain.isWorkingDay('2025-05-02')).toBe(true);
    expect(decided.daysOff(2025).find((d) => d.date === '2025-05-02')?.name).toBe('Nghỉ hoán đổi');
  });
});
