import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { latestTrigger, scheduleFrom } from '../../src/remind/schedule.js';

const DUE = '2026-11-30';
const defaults = scheduleFrom({ 'remind.offsetsBefore': '7,3', 'remind.firstAfterDays': '1', 'remind.repeatAfterDays': '7' });

describe('latestTrigger with the default schedule (7 and 3 days before, the due date, day 1 then every 7 days after)', () => {
  const cases: [number, string | null][] = [
    [-30, null],
    [-8, null],
    [-7, 'before-7'],
    [-5, 'before-7'],
    [-4, 'before-7'],
    [-3, 'before-3'],
    [-1, 'before-3'],
    [0, 'due'],
    [1, 'after-1'],
    [7, 'after-1'],
    [8, 'after-8'],
    [14, 'after-8'],
    [15, 'after-15'],
    [21, 'after-15'],
    [22, 'after-22'],
    [365, 'after-365'],
  ];
  it.each(cases)('%i days from the due date → %s', (offset, kind) => {
    const trigger = latestTrigger(DUE, addDays(DUE, offset), defaults);
    expect(trigger?.kind ?? null).toBe(kind);
    if (trigger) {
      expect(trigger.period).toBe(DUE);
      expect(trigger.date <= addDays(DUE, offset)).toBe(true);
    }
  });

  it('the trigger date is the day it fell on, so a later run sees the same trigger', () => {
    expect(latestTrigger(DUE, '2026-12-12', defaults)).toEqual({ kind: 'after-8', period: DUE, date: '2026-12-08' });
    expect(latestTrigger(DUE, '2026-11-25', defaults)).toEqual({ kind: 'before-7', period: DUE, date: '2026-11-23' });
  });
});

describe('latestTrigger with configured schedules', () => {
  it('no reminder before the due date when remind.offsetsBefore is blank', () => {
    const s = scheduleFrom({ 'remind.offsetsBefore': '', 'remind.firstAfterDays': '1', 'remind.repeatAfterDays': '7' });
    expect(latestTrigger(DUE, '2026-11-29', s)).toBeNull();
    expect(latestTrigger(DUE, DUE, s)?.kind).toBe('due');
  });

  it('repeatAfterDays 0 reminds once after the due date and never again', () => {
    const s = scheduleFrom({ 'remind.offsetsBefore': '7,3', 'remind.firstAfterDays': '2', 'remind.repeatAfterDays': '0' });
    expect(latestTrigger(DUE, '2026-12-01', s)?.kind).toBe('due');
    expect(latestTrigger(DUE, '2026-12-02', s)?.kind).toBe('after-2');
    expect(latestTrigger(DUE, '2027-03-01', s)?.kind).toBe('after-2');
  });

  it('offsets are taken largest first whatever order they were typed in', () => {
    const s = scheduleFrom({ 'remind.offsetsBefore': '1,10,5', 'remind.firstAfterDays': '1', 'remind.repeatAfterDays': '7' });
    expect(s.before).toEqual([10, 5, 1]);
    expect(latestTrigger(DUE, addDays(DUE, -6), s)?.kind).toBe('before-10');
    expect(latestTrigger(DUE, addDays(DUE, -5), s)?.kind).toBe('before-5');
    expect(latestTrigger(DUE, addDays(DUE, -1), s)?.kind).toBe('before-1');
  });
});
