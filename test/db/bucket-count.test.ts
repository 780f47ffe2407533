/**
 * The digest and stats count buckets in SQL (db/digest-repository.ts). These tests hold that
 * count to the domain's own rule (statusOf on every task) on varied random tasks and days, so the
 * two cannot drift apart.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tallyBuckets } from '../../src/app/bucket-counts.js';
import type { Context } from '../../src/app/context.js';
import type { OpenedDatabase } from '../../src/db/connect.js';
import { openTestDatabase } from '../helpers/test-db.js';
import { listTasks } from '../../src/db/task-repository.js';
import { addDays } from '../../src/domain/dates.js';
import { statusOf } from '../../src/domain/status.js';

let opened: OpenedDatabase;
let ctx: Context;
const units = new Map<number, { code: string; name: string }>();

/** A fixed sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

beforeAll(async () => {
  opened = await openTestDatabase();
  const db = opened.db;
  ctx = { db, today: '2026-11-30', actor: 'test', acting: null, now: () => new Date('2026-11-30T00:00:00Z') };
  for (const [i, code] of ['VP', 'TTR', 'LS'].entries()) {
    const { id } = await db.insertInto('unit').values({ code, name: `Đơn vị ${code}`, head: null, email: null, active: 1, position: i }).returning('id').executeTakeFirstOrThrow();
    units.set(id, { code, name: `Đơn vị ${code}` });
  }
  const unitIds = [...units.keys(), null];
  const next = random(7);
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const base = '2026-10-01';
  for (let i = 0; i < 600; i++) {
    const assigned = addDays(base, Math.floor(next() * 40));
    const ongoing = next() < 0.1;
    const undated = !ongoing && next() < 0.08;
    const due = ongoing || undated ? null : addDays(assigned, Math.floor(next() * 50));
    const extensions: { from: string; to: string; on: string }[] = [];
    let current = due;
    if (current !== null) {
      for (let k = 0, count = pick([0, 0, 1, 2]); k < count; k++) {
        // Granted in order, on or before the date it replaces, as `tasks extend` allows.
        const earliest = extensions.at(-1)?.on ?? assigned;
        const proposed = addDays(current, -Math.floor(next() * 5));
        const on = proposed < earliest ? earliest : proposed;
        const to = addDays(current, 1 + Math.floor(next() * 20));
        extensions.push({ from: current, to, on });
        current = to;
      }
    }
    const completed = ongoing || next() < 0.4 ? null : addDays(assigned, Math.floor(next() * 70));
    const cancelled = completed === null && next() < 0.1 ? addDays(assigned, Math.floor(next() * 60)) : null;
    const stamp = '2026-10-01T00:00:00.000Z';
    const { id } = await db
      .insertInto('task')
      .values({
        text: `Nhiệm vụ ${i}`,
        text_folded: `nhiem vu ${i}`,
        lead_unit_id: pick(unitIds),
        ongoing: ongoing ? 1 : 0,
        original_due_on: due,
        due_on: current,
        last_extended_on: extensions.at(-1)?.on ?? null,
        assigned_on: assigned,
        completed_on: completed,
        cancelled_on: cancelled,
        cancel_reason: cancelled ? 'dừng' : null,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const e of extensions) {
      await db.insertInto('extension').values({ task_id: id, from_on: e.from, to_on: e.to, reason: 'lùi', granted_on: e.on, author: 'test', created_at: stamp }).execute();
    }
  }
});

afterAll(() => opened.close());

/** What the domain says, task by task. */
async function expected(asOf: string, keep: (due: string | null, assignedOn: string) => boolean): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const task of await listTasks(ctx.db, { asOf })) {
    const status = statusOf(task, asOf);
    if (!keep(status.due, task.assignedOn)) continue;
    const key = `${task.lead?.code ?? '-'}:${status.bucket}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

async function counted(range: Parameters<typeof tallyBuckets>[1]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await tallyBuckets({ ...ctx, today: range.asOf }, range, units)) {
    const key = `${t.lead?.code ?? '-'}:${t.bucket}`;
    out[key] = (out[key] ?? 0) + t.n;
  }
  return out;
}

const DAYS = ['2026-10-12', '2026-10-20', '2026-11-01', '2026-11-10', '2026-11-15', '2026-11-30', '2026-12-20', '2027-01-31'];

test.each(DAYS)('by assignment period, as of %s', async (asOf) => {
  const from = '2026-10-10';
  const want = await expected(asOf, (_, assignedOn) => assignedOn >= from);
  expect(Object.values(want).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  expect(await counted({ asOf, assignedFrom: from })).toEqual(want);
});

test.each(DAYS)('by due period, as of %s', async (asOf) => {
  const within = { from: '2026-11-01', to: '2026-11-30' };
  const want = await expected(asOf, (due) => due !== null && due >= within.from && due <= within.to);
  expect(await counted({ asOf, dueWithin: within })).toEqual(want);
});
