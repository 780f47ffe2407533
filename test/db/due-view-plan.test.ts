/**
 * The daily view must stay indexable: on a tracker that is nearly all done, every statement
 * `tasks due` sends reads the open tasks from task_open_daily (migration
 * 2026-12-03-open-task-index) or, for the lines on SQLite, from task_open_lines alone (migration
 * 2026-12-03-speed-open-task-lines: no row of task read), and never scans the task table. The statements are the ones the
 * repositories really send, caught on their way to the database, then asked for their plan
 * (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL).
 */
import { CompiledQuery, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, OpenedDatabase } from '../../src/db/connect.js';
import { listDigestCandidates } from '../../src/db/digest-repository.js';
import { listDueRows } from '../../src/db/due-view-repository.js';
import { listTasks } from '../../src/db/task-repository.js';
import { insertUnit } from '../../src/db/unit-repository.js';
import { statusOf } from '../../src/domain/status.js';
import { viewAsOf } from '../../src/domain/task.js';
import { ON_POSTGRES } from '../helpers/backend.js';
import { openTestDatabase } from '../helpers/test-db.js';

const AS_OF = '2026-11-20';
const DUE_BY = '2026-11-27';
const TASKS = 20_000;
const stamp = '2026-11-20T01:00:00.000Z';

let opened: OpenedDatabase;

function day(n: number): string {
  return new Date(Date.UTC(2023, 10, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  opened = await openTestDatabase();
  const db = opened.db;
  const units = [];
  for (const [code, name] of [['VP', 'Văn phòng Sở'], ['TTR', 'Thanh tra Sở'], ['KHTC', 'Phòng Kế hoạch - Tài chính']]) {
    units.push(await insertUnit(db, { code, name, aliases: [], head: null, email: null, active: true }));
  }
  // A mature tracker: 95 % done, 1 % cancelled, the rest open, a few extended.
  for (let start = 0; start < TASKS; start += 1000) {
    const rows = [];
    for (let i = start; i < start + 1000; i++) {
      const assigned = day(i % 1000);
      const due = day((i % 1000) + 30);
      const done = i % 100 < 95;
      const cancelled = i % 100 === 95;
      rows.push({
        text: `Nhiệm vụ ${i}`,
        text_folded: `nhiem vu ${i}`,
        lead_unit_id: i % 50 === 0 ? null : units[i % 3],
        ongoing: i % 97 === 0 ? 1 : 0,
        original_due_on: due,
        due_on: due,
        last_extended_on: i % 40 === 0 ? day((i % 1000) + 10) : null,
        assigned_on: assigned,
        completed_on: done ? day((i % 1000) + 20) : null,
        cancelled_on: cancelled ? day((i % 1000) + 5) : null,
        created_at: stamp,
        updated_at: stamp,
      });
    }
    await db.insertInto('task').values(rows).execute();
  }
  // PostgreSQL plans from statistics, which autovacuum would gather soon after a bulk load.
  if (ON_POSTGRES) await db.executeQuery(CompiledQuery.raw('vacuum analyze'));
}, 120_000);

afterAll(async () => {
  await opened?.close();
});

/** Runs `work` on a database that records each statement sent, compiled as the driver sees it. */
async function statementsOf(work: (db: Db) => Promise<unknown>): Promise<CompiledQuery[]> {
  const caught: { node: RootOperationNode; queryId: { readonly queryId: string } }[] = [];
  const recorder: KyselyPlugin = {
    transformQuery(args) {
      caught.push({ node: args.node, queryId: args.queryId });
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  await work(opened.db.withPlugin(recorder));
  return caught.map((c) => opened.db.getExecutor().compileQuery(c.node, c.queryId));
}

async function planOf(query: CompiledQuery): Promise<string> {
  const prefix = ON_POSTGRES ? 'explain ' : 'explain query plan ';
  const result = await opened.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + query.sql, [...query.parameters]));
  return result.rows.map((r) => String(ON_POSTGRES ? r['QUERY PLAN'] : r.detail)).join('\n');
}

/** A scan of the task table itself: SQLite's "SCAN task" without an index, PostgreSQL's "Seq Scan on task". */
function scansTask(plan: string): boolean {
  return plan.split('\n').some((line) => (ON_POSTGRES ? /Seq Scan on task\b/.test(line) : /\bSCAN task\b/.test(line) && !/\bINDEX\b/.test(line)));
}

describe('the daily view query plan', () => {
  // SQLite reads the lines' open half from the covering index alone; PostgreSQL the ids from task_open_daily, then rows by id.
  const LINES_INDEX = ON_POSTGRES ? /task_open_daily/ : /COVERING INDEX task_open_lines/;

  it('reads the open tasks from their index and never scans task (lines: due, overdue)', async () => {
    const statements = await statementsOf((db) => listDueRows(db, { asOf: AS_OF, dueBy: DUE_BY }));
    const plans = await Promise.all(statements.map(planOf));
    const all = plans.join('\n');
    expect(all).toMatch(LINES_INDEX);
    expect(all).toMatch(/task_due_view/);
    for (const plan of plans) expect(scansTask(plan), plan).toBe(false);
  });

  it('does the same for one unit', async () => {
    const statements = await statementsOf((db) => listDueRows(db, { asOf: AS_OF, dueBy: DUE_BY, leadUnitIds: [1] }));
    const plans = await Promise.all(statements.map(planOf));
    expect(plans.join('\n')).toMatch(LINES_INDEX);
    for (const plan of plans) expect(scansTask(plan), plan).toBe(false);
  });

  it('does the same for the full tasks behind --json', async () => {
    const statements = await statementsOf((db) => listTasks(db, { asOf: AS_OF, openDueBy: DUE_BY }));
    const plans = await Promise.all(statements.map(planOf));
    expect(plans.join('\n')).toMatch(/task_open_daily/);
    for (const plan of plans) expect(scansTask(plan), plan).toBe(false);
  });

  it("reads the digest's candidates from indexes, never a scan of task", async () => {
    const statements = await statementsOf((db) => listDigestCandidates(db, { since: '2026-11-01', asOf: AS_OF, dueBy: '2026-12-31' }));
    const plans = await Promise.all(statements.map(planOf));
    expect(plans.join('\n')).toMatch(/task_open_daily/);
    expect(plans.join('\n')).toMatch(/task_extended/);
    for (const plan of plans) expect(scansTask(plan), plan).toBe(false);
  });

  it('leaves out no task the daily view shows, as of today and as of a day in the past', async () => {
    for (const [asOf, dueBy] of [[AS_OF, DUE_BY], ['2024-03-01', '2024-03-08'], ['2024-03-01', '2024-06-30']]) {
      // The reference reads every task and judges each in the domain.
      const all = (await listTasks(opened.db, { asOf })).map((t) => viewAsOf(t, asOf));
      const expected = all.filter((v) => onView(v.lead !== null, v.bucket, v.due, dueBy)).map((v) => v.id);
      const rows = await listDueRows(opened.db, { asOf, dueBy });
      const shown = rows.filter((r) => {
        const s = statusOf(r, asOf);
        return onView(r.lead !== null, s.bucket, s.due, dueBy);
      });
      expect(expected.length).toBeGreaterThan(50);
      expect(shown.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected);
    }
  });
});

/** The daily view's rule (app/due-view.ts), restated: open that day, due by `dueBy`, or in want of a date or an owner. */
function onView(hasLead: boolean, bucket: string, due: string | null, dueBy: string): boolean {
  if (!hasLead) return ['open_in_term', 'open_overdue', 'undated', 'ongoing'].includes(bucket);
  return bucket === 'open_overdue' || bucket === 'undated' || (bucket === 'open_in_term' && due! <= dueBy);
}
