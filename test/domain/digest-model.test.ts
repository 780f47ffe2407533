import { describe, expect, test } from 'vitest';
import { nextMonth, parseMonth } from '../../src/domain/months.js';
import { ValidationError } from '../../src/domain/errors.js';
import { countBucket, emptyCounts, onTimeRate } from '../../src/domain/digest/model.js';

describe('the on-time rate', () => {
  test('done on time ÷ (done on time + done late + open overdue)', () => {
    const c = emptyCounts();
    for (const b of ['done_on_time', 'done_on_time', 'done_late', 'open_overdue', 'open_overdue', 'open_in_term', 'ongoing', 'cancelled', 'undated'] as const) countBucket(c, b);
    expect(c.onTimeRate).toBe(0.4);
    expect(c.assigned).toBe(9);
  });

  test('null when nothing has reached its deadline', () => {
    const c = emptyCounts();
    countBucket(c, 'open_in_term');
    countBucket(c, 'ongoing');
    expect(c.onTimeRate).toBeNull();
    expect(onTimeRate({ ...c, done_late: 1 })).toBe(0);
  });
});

describe('months', () => {
  test.each([
    ['2026-11', '2026-11-01', '2026-11-30'],
    ['2026-1', '2026-01-01', '2026-01-31'],
    ['02/2028', '2028-02-01', '2028-02-29'],
    ['2026-02', '2026-02-01', '2026-02-28'],
  ])('%s', (text, start, end) => {
    expect(parseMonth(text)).toMatchObject({ start, end });
  });

  test.each(['2026-13', '2026-00', '11-2026', 'tháng 11', '1999-12'])('%j is refused', (text) => {
    expect(() => parseMonth(text)).toThrow(ValidationError);
  });

  test('December is followed by January of the next year', () => {
    expect(nextMonth(parseMonth('2026-12')).id).toBe('2027-01');
  });
});
