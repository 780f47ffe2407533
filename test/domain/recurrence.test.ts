import { describe, expect, it } from 'vitest';
import { firstPeriodStart, occurrencesBetween, periodContaining } from '../../src/domain/recurrence.js';

describe('periodContaining', () => {
  it.each([
    ['month', '2021-02-10', null, '2021-02', '2021-02-01', '2021-02-28'],
    ['month', '2024-02-10', 31, '2024-02', '2024-02-01', '2024-02-29'],
    ['month', '2021-07-10', 15, '2021-07', '2021-07-01', '2021-07-15'],
    ['quarter', '2021-08-10', null, '2021-Q3', '2021-07-01', '2021-09-30'],
    ['quarter', '2021-08-10', 20, '2021-Q3', '2021-07-01', '2021-09-20'],
    ['half-year', '2021-08-10', null, '2021-H2', '2021-07-01', '2021-12-31'],
    ['half-year', '2021-03-10', 15, '2021-H1', '2021-01-01', '2021-06-15'],
    ['year', '2021-08-10', null, '2021', '2021-01-01', '2021-12-31'],
    ['year', '2021-08-10', 10, '2021', '2021-01-01', '2021-12-10'],
  ] as const)('%s containing %s (day %s) → %s', (every, date, day, key, start, due) => {
    const p = periodContaining(every, date, day);
    expect(p.key).toBe(key);
    expect(p.start).toBe(start);
    expect(p.due).toBe(due);
  });
});

describe('occurrencesBetween', () => {
  it('gives every period begun by the as-of day, until --until', () => {
    const keys = (from: string, asOf: string, until: string | null) =>
      occurrencesBetween('month', null, from, asOf, until).map((o) => o.key);
    expect(keys('2021-06-15', '2021-09-01', null)).toEqual(['2021-06', '2021-07', '2021-08', '2021-09']);
    expect(keys('2021-06-15', '2021-08-31', null)).toEqual(['2021-06', '2021-07', '2021-08']);
    expect(keys('2021-06-15', '2021-12-31', '2021-07-31')).toEqual(['2021-06', '2021-07']);
    expect(keys('2021-06-15', '2021-06-14', null)).toEqual([]);
    expect(occurrencesBetween('quarter', 20, '2021-07-01', '2022-01-01', null).map((o) => o.due)).toEqual(['2021-09-20', '2021-12-20', '2022-03-20']);
  });

  it('starts with the next period when this one is already past its due day', () => {
    expect(firstPeriodStart('quarter', 20, '2021-06-25')).toBe('2021-07-01');
    expect(firstPeriodStart('quarter', 20, '2021-06-20')).toBe('2021-04-01');
    expect(firstPeriodStart('month', null, '2021-06-30')).toBe('2021-06-01');
  });
});
