/**
 * The speed-ups change no answer. On a seeded tracker of 10,000 tasks, the daily view's narrow
 * lines (db/due-view-repository.ts), its full --json tasks, the digest's counts and lists and
 * the export all give the tasks and buckets that `tasks list --json` gives, which reads every
 * task and judges each one in the domain: the reference these paths were narrowed from.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../helpers/cli.js';
import { seededWorkspace, addDays, expectedSection } from '../helpers/seeded.js';

interface TaskJson {
  id: number;
  lead: string | null;
  due: string | null;
  bucket: string;
  daysLate: number | null;
  assignedOn: string;
  completedOn: string | null;
  section?: string;
}

const BUCKETS = ['done_on_time', 'done_late', 'open_in_term', 'open_overdue', 'ongoing', 'cancelled', 'undated'];



let ws: Workspace;

beforeAll(() => {
  ws = seededWorkspace(10000);
}, 120_000);

describe('a seeded tracker of 10,000 tasks', () => {
  for (const today of ['2026-11-20', '2025-06-30']) {
    it(`shows the same daily view in lines and in JSON as the full read, as of ${today}`, () => {
      const all = ws.json<TaskJson[]>(['list', '--today', today]);
      const horizon = addDays(today, 7);
      const expected = new Map(all.map((t) => [t.id, expectedSection(t, horizon)]).filter(([, s]) => s !== null) as [number, string][]);
      expect(expected.size).toBeGreaterThan(100);

      const json = ws.json<TaskJson[]>(['due', '--today', today]);
      expect(new Map(json.map((t) => [t.id, t.section!]))).toEqual(expected);
      for (const t of json) expect(t).toEqual({ ...all.find((a) => a.id === t.id), section: t.section });

      // The plain lines: section, id, unit, due, state, source, text; the same tasks in the same order.
      const plain = ws.run(['due', '--today', today]);
      expect(plain.code).toBe(0);
      const lines = plain.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
      expect(lines.map((l) => [Number(l[1]), l[0]])).toEqual(json.map((t) => [t.id, t.section]));
      const byId = new Map(all.map((t) => [t.id, t]));
      for (const l of lines) {
        const t = byId.get(Number(l[1]))!;
        expect(l[2]).toBe(t.lead ?? l[2]);
        if (t.bucket === 'open_overdue') expect(l[4]).toBe(`quá ${t.daysLate} ngày`);
      }

      const overdue = ws.run(['overdue', '--today', today]);
      expect(overdue.stdout.trimEnd().split('\n').map((l) => Number(l.split('\t')[1]))).toEqual(json.filter((t) => t.section === 'overdue').map((t) => t.id));
    });
  }

  it('counts the digest buckets as the full read does, and lists the same overdue tasks', () => {
    const all = ws.json<TaskJson[]>(['list']);
    const digest = ws.json<{ totals: Record<string, number>; overdue: TaskJson[]; units: { code: string; assigned: number }[] }>(['digest', '--month', '2026-11', '--from', '2000-01-01']);
    for (const bucket of BUCKETS) expect(digest.totals[bucket], bucket).toBe(all.filter((t) => t.bucket === bucket).length);
    expect(digest.totals.assigned).toBe(all.length);
    expect(digest.overdue.map((t) => t.id).sort((a, b) => a - b)).toEqual(all.filter((t) => t.bucket === 'open_overdue').map((t) => t.id));
    for (const unit of digest.units) expect(unit.assigned, unit.code).toBe(all.filter((t) => t.lead === unit.code).length);
  });

  it('exports every task with the bucket of the full read', () => {
    const all = ws.json<TaskJson[]>(['list']);
    const exported = ws.run(['export', '--format', 'json']);
    expect(exported.code, exported.stderr).toBe(0);
    const rows = JSON.parse(exported.stdout) as TaskJson[];
    expect(rows.map((t) => [t.id, t.bucket])).toEqual(all.map((t) => [t.id, t.bucket]));
  });
});
