/**
 * Commands that only read never create or fill a database, and recurring occurrences are stored
 * only by commands that write, never beyond the real day in Vietnam: a report for a later as-of
 * day shows them without storing them (nor their audit entries).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ON_POSTGRES } from '../helpers/backend.js';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');

const READERS: string[][] = [
  ['list'],
  ['due'],
  ['show', '1'],
  ['digest', '--month', '2026-11'],
  ['overdue'],
  ['stats'],
  ['export', '--format', 'csv'],
  ['info'],
  ['log'],
  ['history', '1'],
];

function realTodayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function oneLineRefusal(result: { code: number; stdout: string; stderr: string }, what: string): void {
  expect(result.code, `${what}: ${result.stderr}`).toBe(1);
  expect(result.stdout, what).toBe('');
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines, what).toHaveLength(1);
  expect(lines[0], what).toMatch(/^lỗi: /);
}

describe.skipIf(ON_POSTGRES)('a command that only reads, on no database', () => {
  it('a missing file, a 0-byte file, --db "": one line, exit 1, nothing left behind (not even the default database)', () => {
    const ws = workspace('2026-11-20');
    const zero = ws.file('rong.db', '');
    let runs = 0;
    for (const args of READERS) {
      for (const db of [path.join(ws.dir, 'khong-co.db'), zero]) {
        oneLineRefusal(ws.run(['--db', db, ...args]), `tasks --db ${db} ${args.join(' ')}`);
        runs++;
      }
      oneLineRefusal(ws.run(['--db', '', ...args]), `tasks --db '' ${args.join(' ')}`);
      // TASKS_DB unset: the default location is not created by a reader either.
      oneLineRefusal(ws.run(args, { env: { TASKS_DB: '' } }), `TASKS_DB= tasks ${args.join(' ')}`);
      runs += 2;
    }
    expect(fs.readdirSync(ws.dir).sort()).toEqual(['rong.db']);
    expect(fs.statSync(zero).size).toBe(0);
    console.log(`read-only commands on no database: ${runs} runs, nothing created`);
  });

  it('a command that writes still creates a named file, and a 0-byte one becomes a database', () => {
    const ws = workspace('2026-11-20');
    const zero = ws.file('rong.db', '');
    expect(ws.run(['--db', zero, 'init']).code).toBe(0);
    expect(fs.statSync(zero).size).toBeGreaterThan(0);
    expect(ws.run(['--db', zero, 'list']).code).toBe(0);
  });
});

describe('recurring occurrences', () => {
  let ws: Workspace;
  const counts = () => ({
    tasks: Number(ws.sql<{ n: number }>('select count(*) as n from task')[0].n),
    audit: Number(ws.sql<{ n: number }>('select count(*) as n from audit_event')[0].n),
  });

  beforeAll(() => {
    ws = workspace('2026-11-20');
    expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
    const added = ws.run(['add', 'Báo cáo tình hình công tác tháng', '--unit', 'VP', '--every', 'month', '--day', '25']);
    expect(added.code, added.stderr).toBe(0);
  });

  it('a report for a later day shows the future occurrences but stores none of them, nor audit entries', () => {
    const before = counts();
    const listed = ws.json<{ due: string }[]>(['list', '--today', '2030-12-31']);
    expect(listed.length).toBeGreaterThanOrEqual(50);
    expect(listed.map((t) => t.due)).toContain('2030-12-25');
    const due = ws.json<{ due: string }[]>(['due', '--today', '2030-12-31']);
    expect(due.map((t) => t.due)).toContain('2030-12-25');
    const digest = ws.run(['digest', '--month', '2030-12', '--today', '2030-12-31', '--json']);
    expect(digest.code, digest.stderr).toBe(0);
    for (const args of [['overdue', '--today', '2030-12-31'], ['stats', '--today', '2030-12-31'], ['export', '--format', 'json', '--today', '2030-12-31'], ['show', '1', '--today', '2030-12-31']]) {
      const result = ws.run(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
    expect(counts()).toEqual(before);
  });

  it('a command that writes stores them only up to the real day in Vietnam, whatever --today says', () => {
    const real = realTodayInVietnam();
    const added = ws.run(['progress', '1', 'Đã tổng hợp số liệu', '--today', '2030-12-31']);
    expect(added.code, added.stderr).toBe(0);
    const stored = ws.sql<{ period: string; assigned_on: string }>('select period, assigned_on from task where series_id is not null order by period');
    expect(stored.length).toBeGreaterThan(0);
    for (const occurrence of stored) expect(occurrence.assigned_on <= real, `${occurrence.period} stored before its period began (${real})`).toBe(true);
    expect(stored.at(-1)!.period).toBe(real.slice(0, 7) < '2026-11' ? '2026-11' : real.slice(0, 7));
  });
});
