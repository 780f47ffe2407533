import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDate, parseDate, readDate, todayInVietnam } from '../../src/domain/dates.js';
import { ValidationError } from '../../src/domain/errors.js';

describe('readDate', () => {
  it.each([
    ['2021-09-30', '2021-09-30'],
    ['30/09/2021', '2021-09-30'],
    ['5/7/2021', '2021-07-05'],
    ['05.07.2021', '2021-07-05'],
    [' 2024-02-29 ', '2024-02-29'],
    ['31/02/2021', null],
    ['00/13/2021', null],
    ['2023-02-29', null],
    ['2021-13-01', null],
    ['hôm qua', null],
    ['', null],
  ])('%s → %s', (input, expected) => expect(readDate(input)).toBe(expected));
});

describe('parseDate', () => {
  it('refuses dates outside 2000–2099 and impossible ones', () => {
    expect(() => parseDate('1900-01-01')).toThrow(ValidationError);
    expect(() => parseDate('2100-01-01')).toThrow(ValidationError);
    expect(() => parseDate('31/02/2021')).toThrow(/không hợp lệ/);
    expect(parseDate('2000-01-01')).toBe('2000-01-01');
    expect(parseDate('31/12/2099')).toBe('2099-12-31');
  });
});

describe('todayInVietnam', () => {
  it.each([
    ['2026-11-21T16:59:59Z', '2026-11-21'],
    ['2026-11-21T17:00:00Z', '2026-11-22'],
    ['2026-12-31T23:30:00Z', '2027-01-01'],
    ['2026-11-22T00:00:00Z', '2026-11-22'],
  ])('%s is %s in Vietnam whatever the machine time zone', (instant, day) => {
    expect(todayInVietnam(new Date(instant))).toBe(day);
  });
});

describe('calendar arithmetic', () => {
  it('counts calendar days across months, leap days and years', () => {
    expect(daysBetween('2021-09-30', '2021-10-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2021-12-31', '2021-12-01')).toBe(-30);
    expect(addDays('2021-12-28', 7)).toBe('2022-01-04');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(formatDate('2021-07-05')).toBe('05/07/2021');
  });
});
