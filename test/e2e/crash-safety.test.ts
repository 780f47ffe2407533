/**
 * A process killed with SIGKILL in the middle of a write leaves the database whole and the
 * command can simply be run again. Each test stops the real CLI at a named point inside its
 * transaction (TASKS_TEST_PAUSE_AT), kills it there, then checks the file as the next process
 * finds it: integrity, counts, and that the same command then succeeds once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';
import { NEWEST_MIGRATION, asPreviousRelease, count, inspect, integrity, killAt, killWhen } from '../helpers/kill.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const SAMPLE = path.join(ROOT, 'data', 'ket-luan-mau.txt');

function withUnits(): Workspace {
  const ws = workspace('2026-11-20');
  expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
  return ws;
}

function trail(ws: Workspace, action: string): number {
  return count(ws.db, 'audit_event', `action = '${action}'`);
}

describe('killed during an import', () => {
  for (const point of ['import:source', 'import:task', 'import:commit']) {
    it(`at ${point}: nothing of the import is kept, and importing again records it once`, async () => {
      const ws = withUnits();
      const expected = ws.json(['import', SAMPLE, '--dry-run']).taskCount as number;
      expect(expected).toBeGreaterThan(3);
      expect(await killAt(ws, point, ['import', SAMPLE, '--yes'])).toBe('SIGKILL');
      expect(integrity(ws.db)).toBe('ok');
      expect(count(ws.db, 'task')).toBe(0);
      expect(count(ws.db, 'source')).toBe(0);
      expect(count(ws.db, 'directive')).toBe(0);
      expect(trail(ws, 'source.import')).toBe(0);
      const again = ws.run(['import', SAMPLE, '--yes']);
      expect(again.code, again.stderr).toBe(0);
      expect(count(ws.db, 'task')).toBe(expected);
      expect(trail(ws, 'source.import')).toBe(1);
      expect(ws.run(['import', SAMPLE, '--yes']).stderr).toMatch(/đã được nhập/);
      expect(count(ws.db, 'task')).toBe(expected);
    });
  }

  it('killed after any of its 300 task rows, or right after the commit: all of the import or none of it', async () => {
    const ws = withUnits();
    // Three hundred directives, so the write transaction is a good part of the run.
    const owners = ['Văn phòng Sở', 'Thanh tra Sở', 'Phòng Lãnh sự', 'Phòng Hợp tác quốc tế', 'Phòng Thông tin đối ngoại'];
    const items = Array.from({ length: 300 }, (_, i) => `${i + 1}. ${owners[i % 5]} rà soát hồ sơ đối ngoại đợt ${i + 1}, hoàn thành trước ngày 30/12/2026.`);
    const big = ws.file('ket-luan-300-muc.txt', ['THÔNG BÁO', 'Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 11 năm 2026', 'Giám đốc Sở yêu cầu các đơn vị thực hiện các nội dung sau:', ...items].join('\n'));
    const undo = () => {
      const source = inspect(ws.db, (db) => (db.prepare('select id from source').get() as { id: number }).id);
      expect(ws.run(['import', '--undo', `#${source}`]).code).toBe(0);
    };
    expect(ws.run(['import', big, '--yes']).code).toBe(0);
    expect(count(ws.db, 'task')).toBe(300);
    undo();
    const outcomes: string[] = [];
    // After the n-th task row of 300 is written (n spread over the transaction), or after "commit".
    const stops = [1, 27, 55, 82, 110, 137, 164, 191, 219, 246, 273, 300];
    for (const n of stops) {
      const outcome = await killWhen(ws, ['import', big, '--yes'], (log) => (log.match(/insert into "task" /g)?.length ?? 0) >= n);
      expect(integrity(ws.db)).toBe('ok');
      const tasks = count(ws.db, 'task');
      expect([0, 300]).toContain(tasks);
      // Undone imports stay in the trail, followed by their undo.
      expect(trail(ws, 'source.import') - trail(ws, 'source.undo-import')).toBe(tasks === 0 ? 0 : 1);
      outcomes.push(`${n}→${outcome}:${tasks}`);
      if (tasks === 300) undo();
    }
    const committed = await killWhen(ws, ['import', big, '--yes'], (log) => /\bcommit\b/.test(log));
    expect(count(ws.db, 'task')).toBe(300);
    outcomes.push(`commit→${committed}:300`);
    undo();
    console.info(`kills of "tasks import" after the n-th of 300 task rows (n→outcome:tasks kept): ${outcomes.join(' ')}`);
    const last = ws.run(['import', big, '--yes']);
    expect(last.code, last.stderr).toBe(0);
    expect(count(ws.db, 'task')).toBe(300);
  });
});

describe('killed while completing a task', () => {
  for (const point of ['done:update', 'done:commit']) {
    it(`at ${point}: the task is still open, and "done" again completes it once`, async () => {
      const ws = withUnits();
      expect(ws.run(['add', 'Báo cáo kết quả rà soát văn bản quy phạm pháp luật', '--unit', 'VP', '--due', '2026-11-30']).code).toBe(0);
      expect(await killAt(ws, point, ['done', '1', '--evidence', '215/BC-VP'])).toBe('SIGKILL');
      expect(integrity(ws.db)).toBe('ok');
      expect(ws.json(['show', '1'])).toMatchObject({ bucket: 'open_in_term', completedOn: null, evidence: null });
      expect(trail(ws, 'task.done')).toBe(0);
      const again = ws.run(['done', '1', '--evidence', '215/BC-VP']);
      expect(again.code, again.stderr).toBe(0);
      expect(ws.json(['show', '1'])).toMatchObject({ bucket: 'done_on_time', completedOn: '2026-11-20', evidence: '215/BC-VP' });
      expect(trail(ws, 'task.done')).toBe(1);
    });
  }
});

describe('killed while loading the unit list', () => {
  it('at unit-import:commit: no unit is kept, and loading again adds all of them', async () => {
    const ws = workspace('2026-11-20');
    expect(ws.run(['init']).code).toBe(0);
    expect(await killAt(ws, 'unit-import:commit', ['unit', 'import', UNITS])).toBe('SIGKILL');
    expect(integrity(ws.db)).toBe('ok');
    expect(count(ws.db, 'unit')).toBe(0);
    expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
    expect(count(ws.db, 'unit')).toBe(5);
    expect(trail(ws, 'unit.add')).toBe(5);
  });
});

describe('killed during a schema migration', () => {
  it('of a database of the previous release: the old schema and every row are intact, and the next run migrates', async () => {
    const ws = withUnits();
    expect(ws.run(['import', SAMPLE, '--yes']).code).toBe(0);
    const tasks = count(ws.db, 'task');
    asPreviousRelease(ws.db);
    expect(await killAt(ws, `migrate:${NEWEST_MIGRATION}`, ['due'])).toBe('SIGKILL');
    expect(integrity(ws.db)).toBe('ok');
    expect(count(ws.db, 'kysely_migration', `name = '${NEWEST_MIGRATION}'`)).toBe(0);
    expect(count(ws.db, 'sqlite_master', "type = 'table' and name in ('person', 'extension_request')")).toBe(0);
    expect(count(ws.db, 'task')).toBe(tasks);
    const again = ws.run(['due']);
    expect(again.code, again.stderr).toBe(0);
    expect(count(ws.db, 'kysely_migration', `name = '${NEWEST_MIGRATION}'`)).toBe(1);
    expect(count(ws.db, 'task')).toBe(tasks);
  });

  it('of a new file: killed while creating the first tables, "init" again makes a whole database', async () => {
    const ws = workspace('2026-11-20');
    expect(await killAt(ws, 'migrate:2026-11-22-core', ['init'])).toBe('SIGKILL');
    expect(integrity(ws.db)).toBe('ok');
    expect(count(ws.db, 'sqlite_master', "type = 'table' and name = 'task'")).toBe(0);
    const again = ws.run(['init']);
    expect(again.code, again.stderr).toBe(0);
    expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
    expect(ws.json(['info']).schemaVersion).toBe(NEWEST_MIGRATION);
  });
});

describe('killed during a restore', () => {
  it('after the current database is kept aside: the database is as it was, and restoring again works', async () => {
    const ws = withUnits();
    expect(ws.run(['add', 'Rà soát quy chế làm việc', '--unit', 'VP', '--due', '2026-12-15']).code).toBe(0);
    const copy = path.join(ws.dir, 'sao-luu.db');
    expect(ws.run(['backup', copy]).code).toBe(0);
    expect(ws.run(['add', 'Tổng kết công tác năm', '--unit', 'VP', '--due', '2026-12-31']).code).toBe(0);
    expect(await killAt(ws, 'restore:aside', ['restore', copy, '--yes'])).toBe('SIGKILL');
    expect(integrity(ws.db)).toBe('ok');
    expect(count(ws.db, 'task')).toBe(2);
    const again = ws.run(['restore', copy, '--yes']);
    expect(again.code, again.stderr).toBe(0);
    expect(count(ws.db, 'task')).toBe(1);
    expect(fs.readdirSync(ws.dir).filter((f) => f.includes('.before-restore-')).length).toBeGreaterThanOrEqual(1);
  });
});
