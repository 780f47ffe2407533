/**
 * `tasks due` narrows its SQL through task_due_view (migration 2026-11-22-speed) before the
 * domain derives each task's bucket. The SQL must never leave out a task the view should show:
 * on a seeded tracker, for "as of" days today and in the past, the daily view holds exactly the
 * tasks that `tasks list` (which reads every task) puts in its sections.
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
  section?: string;
}

const SECTION_ORDER = ['overdue', 'due_soon', 'unsettled'];



let ws: Workspace;

beforeAll(() => {
  ws = seededWorkspace(1500);
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
