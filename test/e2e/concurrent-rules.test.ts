/**
 * Rules that read before they write hold when eight processes race: the first-user rule and the
 * duplicate checks of `import` and `import-sheet` are decided inside the write transaction (on
 * PostgreSQL under an advisory lock), so eight at once give what one would.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, workspace, type RunResult, type Workspace } from '../helpers/cli.js';
import { runAsync } from '../helpers/spawn-cli.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const SAMPLE = path.join(ROOT, 'data', 'ket-luan-mau.txt');
const SHEET = path.join(ROOT, 'test', 'fixtures', 'sheets', 'theo-doi-vp-2026.csv');
const WRITERS = 8;

function n(ws: Workspace, statement: string): number {
  return Number(ws.sql<{ n: number }>(statement)[0].n);
}

function noCrash(results: RunResult[], oneLine = true): void {
  for (const r of results) {
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.stderr).not.toMatch(/lỗi nội bộ|SQLITE_|duplicate key|\bat .+:\d+:\d+/);
    if (r.code === 1 && oneLine) expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  }
}

function race(ws: Workspace, args: (i: number) => string[], env: (i: number) => Record<string, string> = () => ({})): Promise<RunResult[]> {
  return Promise.all(Array.from({ length: WRITERS }, (_, i) => runAsync(ws, args(i), env(i))));
}

describe(`${WRITERS} processes at once`, () => {
  it('first `user add` by eight different people: one first user (office) and the person they added; the rest refused', async () => {
    const ws = workspace('2026-11-20');
    expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
    const results = await race(
      ws,
      (i) => ['user', 'add', `Cán bộ số ${i + 1}`, '--login', `can-bo.${i + 1}`, '--role', 'viewer'],
      (i) => ({ TASKS_USER: `nguoi.chay.${i + 1}` }),
    );
    noCrash(results);
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    const winner = results.findIndex((r) => r.code === 0) + 1;
    const people = ws.sql<{ login: string; role: string }>('select login, role from person order by id');
    expect(people).toEqual([
      { login: `nguoi.chay.${winner}`, role: 'office' },
      { login: `can-bo.${winner}`, role: 'viewer' },
    ]);
    expect(n(ws, "select count(*) as n from audit_event where action = 'user.add'")).toBe(2);
    console.log(`first user race: ${WRITERS} concurrent user add, ${people.length} people, 1 office`);
  });

  it('the same conclusion imported eight times at once: its tasks are created once', async () => {
    const ws = workspace('2026-11-20');
    expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
    const results = await race(ws, () => ['import', SAMPLE, '--yes']);
    noCrash(results);
    expect(results.filter((r) => r.code === 0).length).toBeGreaterThanOrEqual(1);
    const once = workspace('2026-11-20');
    expect(once.run(['unit', 'import', UNITS]).code).toBe(0);
    expect(once.run(['import', SAMPLE, '--yes']).code).toBe(0);
    expect(n(ws, 'select count(*) as n from task')).toBe(n(once, 'select count(*) as n from task'));
    expect(n(ws, 'select count(*) as n from directive')).toBe(n(once, 'select count(*) as n from directive'));
    expect(n(ws, "select count(*) as n from audit_event where action = 'source.import'")).toBe(1);
    console.log(`import race: ${WRITERS} concurrent imports, ${n(ws, 'select count(*) as n from task')} tasks (as one import)`);
  });

  it('the same sheet imported eight times at once: its rows become tasks once, the others are refused as seen before', async () => {
    const ws = workspace('2026-11-20');
    expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
    // The fixture has four bad rows, listed on stderr before the verdict: --skip-bad imports the rest.
    const results = await race(ws, () => ['import-sheet', SHEET, '--skip-bad']);
    noCrash(results, false);
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    for (const r of results.filter((x) => x.code === 1)) expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^lỗi: .*đã được nhập/);
    const once = workspace('2026-11-20');
    expect(once.run(['unit', 'import', UNITS]).code).toBe(0);
    expect(once.run(['import-sheet', SHEET, '--skip-bad']).code).toBe(0);
    expect(n(ws, 'select count(*) as n from task')).toBe(n(once, 'select count(*) as n from task'));
    expect(n(ws, "select count(*) as n from audit_event where action = 'sheet.import'")).toBe(1);
  });
});
