/**
 * A tracker seeded by the bench's generator (test/bench/seed.mjs, deterministic), in a fresh
 * workspace; on PostgreSQL the seeded SQLite file is copied over with `tasks db copy`. And what the
 * daily view should hold, judged from `tasks list --json` alone, for the tests that compare the two.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';
import { ROOT, workspace, type Workspace } from './cli.js';

export function seededWorkspace(tasks: number, today = '2026-11-20'): Workspace {
  const ws = workspace(today);
  const file = ws.postgres ? path.join(ws.dir, 'seeded.db') : ws.db;
  const seeded = spawnSync(process.execPath, [path.join(ROOT, 'test/bench/seed.mjs'), '--tasks', String(tasks), '--db', file], { encoding: 'utf8' });
  expect(seeded.status, seeded.stderr).toBe(0);
  if (ws.postgres) expect(ws.run(['db', 'copy', '--from', file, '--to', ws.db]).code).toBe(0);
  return ws;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The section a task belongs in on the daily view, from its bucket alone; null when it is left out. */
export function expectedSection(task: { lead: string | null; due: string | null; bucket: string }, horizon: string): string | null {
  if (task.lead === null) return ['open_in_term', 'open_overdue', 'undated', 'ongoing'].includes(task.bucket) ? 'unsettled' : null;
  if (task.bucket === 'open_overdue') return 'overdue';
  if (task.bucket === 'open_in_term') return task.due! <= horizon ? 'due_soon' : null;
  if (task.bucket === 'undated') return 'unsettled';
  return null;
}
