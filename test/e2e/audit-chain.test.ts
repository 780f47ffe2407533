/**
 * The audit trail is append-only in the database on both engines, and chained: `tasks audit
 * verify` walks the hash chain and names the first entry changed, removed or slipped in. A row
 * whose detail is not JSON is shown as damaged by `tasks log`, never a crash.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ON_POSTGRES } from '../helpers/backend.js';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';
import { asPreviousRelease, inspect } from '../helpers/kill.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');

function tracker(): Workspace {
  const ws = workspace('2026-11-20');
  expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
  expect(ws.run(['add', 'Rà soát quy chế làm việc', '--unit', 'VP', '--due', '2026-12-15']).code).toBe(0);
  expect(ws.run(['progress', '1', 'Đã gửi dự thảo']).code).toBe(0);
  expect(ws.run(['done', '1', '--evidence', '215/BC-VP']).code).toBe(0);
  return ws;
}

function entries(ws: Workspace): number {
  return Number(ws.sql<{ n: number }>('select count(*) as n from audit_event')[0].n);
}

describe('the audit trail', () => {
  it('refuses REPLACE over an entry (SQLite) and TRUNCATE (PostgreSQL), besides UPDATE and DELETE', () => {
    const ws = tracker();
    const before = entries(ws);
    expect(() => ws.sql("update audit_event set actor = 'ai do'")).toThrow(/append-only/);
    expect(() => ws.sql('delete from audit_event')).toThrow(/append-only/);
    if (ON_POSTGRES) {
      expect(() => ws.sql('truncate audit_event')).toThrow(/append-only|permission denied/);
    } else {
      expect(() => ws.sql("insert or replace into audit_event (id, at, actor, action, detail) values (1, '2026-01-01T00:00:00Z', 'ai do', 'task.done', '{}')")).toThrow(/append-only/);
      expect(() => ws.sql("replace into audit_event (id, at, actor, action, detail) values (2, '2026-01-01T00:00:00Z', 'ai do', 'task.done', '{}')")).toThrow(/append-only/);
    }
    expect(entries(ws)).toBe(before);
    const first = ws.sql<{ actor: string }>('select actor from audit_event where id = 1')[0];
    expect(first.actor).toBe('chuyenvien.vp');
  });

  it('`tasks audit verify` finds an intact chain, then the first entry slipped in by hand', () => {
    const ws = tracker();
    const ok = ws.run(['audit', 'verify', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const check = JSON.parse(ok.stdout);
    expect(check).toMatchObject({ entries: entries(ws), broken: null });
    expect(check.head).toMatch(/^[0-9a-f]{64}$/);
    const human = ws.run(['audit', 'verify']);
    expect(human.stderr).toMatch(/Nhật ký nguyên vẹn: \d+ mục; đầu chuỗi [0-9a-f]{16}/);
    // A forged entry, without the chain's hash: the next check names it.
    ws.sql("insert into audit_event (at, actor, action, task_id, unit_id, detail) values ('2026-11-20T01:00:00.000Z', 'ke-gia-mao', 'task.done', 1, null, '{}')");
    const forged = Number(ws.sql<{ id: number }>('select max(id) as id from audit_event')[0].id);
    const broken = ws.run(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(broken.stderr).toMatch(new RegExp(`lỗi: nhật ký bị sửa, xóa hoặc chèn tại mục #${forged} \\(task.done`));
    // Later entries written by the tool do not mend it.
    expect(ws.run(['add', 'Báo cáo công tác lãnh sự', '--unit', 'LS', '--due', '2026-12-20']).code).toBe(0);
    expect(ws.run(['audit', 'verify']).stderr).toMatch(new RegExp(`#${forged} `));
  });

  it.skipIf(ON_POSTGRES)('an entry changed with the triggers dropped breaks the chain at that entry', () => {
    const ws = tracker();
    inspect(ws.db, (db) => db.exec("drop trigger audit_event_no_update; update audit_event set actor = 'nguoi-khac' where id = 3"));
    const result = ws.run(['audit', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tại mục #3 /);
  });

  it.skipIf(ON_POSTGRES)('a database of the previous release gets its existing entries chained as it is migrated', () => {
    const ws = tracker();
    const before = entries(ws);
    asPreviousRelease(ws.db);
    const result = ws.run(['audit', 'verify', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ entries: before, broken: null });
  });

  it('`tasks log` shows a row whose detail is not JSON as damaged, and exits 0', () => {
    const ws = tracker();
    ws.sql("insert into audit_event (at, actor, action, task_id, unit_id, detail) values ('2026-11-20T02:00:00.000Z', 'ai do', 'task.done', 1, null, 'không phải JSON {')");
    const log = ws.run(['log']);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout).toMatch(/damaged/);
    const json = ws.run(['log', '--json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).at(-1).detail).toMatchObject({ damaged: true, raw: 'không phải JSON {' });
    expect(ws.run(['history', '1']).code).toBe(0);
  });
});
