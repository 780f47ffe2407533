import { afterAll, describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../src/domain/dates.js';
import { statusOf } from '../../src/domain/status.js';

// The machine's zone must never shift a day: a server on UTC, a laptop in Vietnam, anything else.
const zones = ['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles', 'Pacific/Kiritimati'];
const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});

describe.each(zones)('with TZ=%s', (zone) => {
  it('keeps Vietnam\'s day and the buckets unchanged', () => {
    process.env.TZ = zone;
    expect(todayInVietnam(new Date('2026-11-21T17:00:00Z'))).toBe('2026-11-22');
    expect(todayInVietnam(new Date('2026-11-21T16:59:59.999Z'))).toBe('2026-11-21');
    const facts = { ongoing: false, originalDue: '2021-09-30', extensions: [], completedOn: null, cancelledOn: null };
    expect(statusOf(facts, '2021-09-30').bucket).toBe('open_in_term');
    expect(statusOf(facts, '2021-10-01')).toEqual({ bucket: 'open_overdue', due: '2021-09-30', daysLate: 1 });
    expect(statusOf({ ...facts, originalDue: '2024-03-31' }, '2024-04-01').daysLate).toBe(1);
  });
});
