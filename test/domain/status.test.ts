import { describe, expect, it } from 'vitest';
import { dueInForce, statusOf, type TaskFacts } from '../../src/domain/status.js';

const base: TaskFacts = { ongoing: false, originalDue: '2021-09-30', extensions: [], completedOn: null, cancelledOn: null };

describe('statusOf at every boundary', () => {
  const cases: [string, Partial<TaskFacts>, string, string, number | null][] = [
    ['open the day before the due date', {}, '2021-09-29', 'open_in_term', null],
    ['open on the due date is still in term', {}, '2021-09-30', 'open_in_term', null],
    ['open the day after is 1 day late', {}, '2021-10-01', 'open_overdue', 1],
    ['open a month after', {}, '2021-10-30', 'open_overdue', 30],
    ['open across a year end', { originalDue: '2021-12-31' }, '2022-01-02', 'open_overdue', 2],
    ['done on the due date is on time', { completedOn: '2021-09-30' }, '2021-12-01', 'done_on_time', null],
    ['done a day after is late by 1', { completedOn: '2021-10-01' }, '2021-12-01', 'done_late', 1],
    ['done early', { completedOn: '2021-07-01' }, '2021-07-01', 'done_on_time', null],
    ['done after the as-of day counts as open then', { completedOn: '2021-10-05' }, '2021-10-03', 'open_overdue', 3],
    ['cancelled', { cancelledOn: '2021-08-01' }, '2021-12-01', 'cancelled', null],
    ['cancelled after the as-of day is still open then', { cancelledOn: '2021-08-01' }, '2021-07-31', 'open_in_term', null],
    ['ongoing is never late', { ongoing: true, originalDue: null }, '2030-01-01', 'ongoing', null],
    ['no due date yet', { originalDue: null }, '2030-01-01', 'undated', null],
    ['done without a due date', { originalDue: null, completedOn: '2021-08-01' }, '2021-09-01', 'done_on_time', null],
    [
      'extension granted before the due date moves it',
      { extensions: [{ to: '2021-10-15', grantedOn: '2021-09-20' }] },
      '2021-10-10',
      'open_in_term',
      null,
    ],
    [
      'done within the extension is on time',
      { extensions: [{ to: '2021-10-15', grantedOn: '2021-09-20' }], completedOn: '2021-10-15' },
      '2021-11-01',
      'done_on_time',
      null,
    ],
    [
      'done after the extended date is late from it',
      { extensions: [{ to: '2021-10-15', grantedOn: '2021-09-20' }], completedOn: '2021-10-18' },
      '2021-11-01',
      'done_late',
      3,
    ],
    [
      'an extension granted after the as-of day does not count yet',
      { extensions: [{ to: '2021-10-15', grantedOn: '2021-09-25' }] },
      '2021-09-24',
      'open_in_term',
      null,
    ],
    [
      'two extensions: the last one granted by the as-of day wins',
      { extensions: [{ to: '2021-10-15', grantedOn: '2021-09-20' }, { to: '2021-11-15', grantedOn: '2021-10-10' }] },
      '2021-10-20',
      'open_in_term',
      null,
    ],
    [
      'two extensions, as of before the second',
      { extensions: [{ to: '2021-10-15', grantedOn: '2021-09-20' }, { to: '2021-11-15', grantedOn: '2021-10-10' }] },
      '2021-10-09',
      'open_in_term',
      null,
    ],
  ];
  it.each(cases)('%s', (_name, facts, asOf, bucket, daysLate) => {
    const status = statusOf({ ...base, ...facts }, asOf);
    expect(status.bucket).toBe(bucket);
    expect(status.daysLate).toBe(daysLate);
  });

  it('keeps the original due date and reports the one in force', () => {
    const facts = { ...base, extensions: [{ to: '2021-10-15', grantedOn: '2021-09-20' }] };
    expect(dueInForce(facts, '2021-09-19')).toBe('2021-09-30');
    expect(dueInForce(facts, '2021-09-20')).toBe('2021-10-15');
    expect(statusOf(facts, '2021-10-16')).toEqual({ bucket: 'open_overdue', due: '2021-10-15', daysLate: 1 });
  });
});
