/**
 * `tasks due` narrows its SQL through task_due_view (migration 2026-11-22-speed) before the
 * domain derives each task's bucket. The SQL must never leave out a task the view should show:
 * on a seeded tracker, for "as of" days today and in the past, the daily view holds exactly the
 * tasks that `tasks list` (which reads every task) puts in its sections.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

interface TaskJson {
  id: number;
  lead: string | null;
  due: string | null;
  bucket: string;
  daysLate: number | null;
  section?: string;
}

const SECTION_ORDER = ['overdue', 'due_soon', 'unsettled'];

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The section a task belongs in on the daily view, from its bucket alone; null when it is left out. */
function expectedSection(task: TaskJson, horizon: string): string | null {
  if (task.lead === null) return ['open_in_term', 'open_overdue', 'undated', 'ongoing'].includes(task.bucket) ? 'unsettled' : null;
  if (task.bucket === 'open_overdue') return 'overdue';
  if (task.bucket === 'open_in_term') return task.due! <= horizon ? 'due_soon' : null;
  if (task.bucket === 'undated') return 'unsettled';
  return null;
}

let ws: Workspace;

beforeAll(() => {
  ws = workspace('2026-11-20');
  // The seed writes SQLite; on PostgreSQL the seeded file is copied over with `tasks db copy`.
  const file = ws.postgres ? path.join(ws.dir, 'seeded.db') : ws.db;
  const seeded = spawnSync(process.execPath, [path.join(ROOT, 'test/bench/seed.mjs'), '--tasks', '1500', '--db', file], { encoding: 'utf8' });
  expect(seeded.status, seeded.stderr).toBe(0);
  if (ws.postgres) expect(ws.run(['db', 'copy', '--from', file, '--to', ws.db]).code).toBe(0);
});

describe('tasks due on a seeded tracker', () => {
  it('runs on the schema with the daily-view index', () => {
    const indexes = ws
      .sql<{ name: string }>(ws.postgres ? "select indexname as name from pg_indexes where tablename = 'task'" : "select name from sqlite_master where type = 'index'")
      .map((r) => r.name);
    expect(indexes).toContain('task_due_view');
  });

  for (const today of ['2026-11-20', '2025-06-30', '2024-09-15']) {
    for (const within of [0, 7, 45]) {
      it(`shows exactly the open tasks in its sections as of ${today}, --within ${within}`, () => {
        const all = ws.json<TaskJson[]>(['list', '--today', today]);
        const due = ws.json<TaskJson[]>(['due', '--today', today, '--within', String(within)]);
        const horizon = addDays(today, within);
        const expected = all
          .map((t) => ({ id: t.id, section: expectedSection(t, horizon) }))
          .filter((t) => t.section !== null)
          .sort((a, b) => a.id - b.id);
        expect(due.map((t) => ({ id: t.id, section: t.section })).sort((a, b) => a.id - b.id)).toEqual(expected);
        expect(due.length).toBeGreaterThan(0);
        // Sections in order; within the overdue one, most days late first.
        const sections = due.map((t) => SECTION_ORDER.indexOf(t.section!));
        expect(sections).toEqual([...sections].sort((a, b) => a - b));
        const late = due.filter((t) => t.section === 'overdue').map((t) => t.daysLate!);
        expect(late).toEqual([...late].sort((a, b) => b - a));
      });
    }
  }

  it('shows a task completed after the as-of day as still open that day', () => {
    const now = ws.json<TaskJson[]>(['list', '--today', '2026-11-20', '--bucket', 'done_on_time,done_late']);
    const before = new Map(ws.json<TaskJson[]>(['list', '--today', '2025-06-30']).map((t) => [t.id, t]));
    const reopened = now.filter((t) => ['open_in_term', 'open_overdue'].includes(before.get(t.id)?.bucket ?? ''));
    expect(reopened.length).toBeGreaterThan(0);
    const due = new Set(ws.json<TaskJson[]>(['overdue', '--today', '2025-06-30']).map((t) => t.id));
    for (const t of reopened) expect(due.has(t.id)).toBe(before.get(t.id)!.bucket === 'open_overdue');
  });
});
