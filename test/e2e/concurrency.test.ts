/**
 * Several people using one SQLite file at once: eight real processes write to the same database
 * at the same moment; no update is lost and no raw "database is locked" reaches anyone. A lock
 * held past the busy timeout becomes one clear line.
 */
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT, workspace, type RunResult } from '../helpers/cli.js';
import { count, integrity } from '../helpers/kill.js';
import { runAsync } from '../helpers/spawn-cli.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const WRITERS = 8;
const UNIT_CODES = ['VP', 'TTR', 'LS', 'HTQT', 'TTDN'];

function clean(result: RunResult): void {
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).not.toMatch(/locked|busy|bận|SQLITE/i);
}

describe(`${WRITERS} processes writing to one database at once`, () => {
  it('each records its progress notes, tasks and completions; nothing is lost', async () => {
    const ws = workspace('2026-11-20');
    expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
    expect(ws.run(['add', 'Tổng hợp báo cáo công tác đối ngoại năm 2026', '--unit', 'VP', '--due', '2026-12-20']).code).toBe(0);
    const writer = async (i: number): Promise<void> => {
      const unit = UNIT_CODES[i % UNIT_CODES.length];
      for (let j = 1; j <= 3; j++) clean(await runAsync(ws, ['progress', '1', `${unit}: đã gửi số liệu lần ${j} (người ghi số ${i + 1})`]));
      const added = await runAsync(ws, ['add', `Rà soát hồ sơ đối ngoại đợt ${i + 1}`, '--unit', unit, '--due', '2026-12-31', '--json']);
      clean(added);
      const id = JSON.parse(added.stdout)[0].id as number;
      clean(await runAsync(ws, ['done', String(id), '--evidence', `${100 + i}/BC-${unit}`]));
    };
    const backup = path.join(ws.dir, 'sao-luu-giua-chung.db');
    const [, backedUp] = await Promise.all([
      Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i))),
      // A backup taken while they write is whole.
      new Promise((r) => setTimeout(r, 300)).then(() => runAsync(ws, ['backup', backup])),
    ]);
    clean(backedUp);
    expect(integrity(backup)).toBe('ok');
    expect(integrity(ws.db)).toBe('ok');
    expect(count(ws.db, 'progress_note', 'task_id = 1')).toBe(WRITERS * 3);
    expect(count(ws.db, 'task')).toBe(WRITERS + 1);
    expect(count(ws.db, 'task', 'completed_on is not null')).toBe(WRITERS);
    expect(count(ws.db, 'audit_event', "action = 'task.progress'")).toBe(WRITERS * 3);
    expect(count(ws.db, 'audit_event', "action = 'task.done'")).toBe(WRITERS);
    const notes = ws.json(['show', '1']).progress.map((p: { note: string }) => p.note);
    for (let i = 0; i < WRITERS; i++) expect(notes.filter((n: string) => n.endsWith(`(người ghi số ${i + 1})`))).toHaveLength(3);
  });

  it('adding tasks under the same new source number at once makes one source, not eight', async () => {
    const ws = workspace('2026-11-20');
    expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        runAsync(ws, ['add', `Triển khai nội dung ${i + 1} của Thông báo 90/TB-SNgV`, '--unit', UNIT_CODES[i % UNIT_CODES.length], '--due', '2026-12-31', '--source', '90/TB-SNgV', '--issued', '2026-11-18']),
      ),
    );
    for (const r of results) clean(r);
    expect(count(ws.db, 'source')).toBe(1);
    expect(count(ws.db, 'task', 'source_id is not null')).toBe(WRITERS);
    expect(count(ws.db, 'audit_event', "action = 'source.add'")).toBe(1);
  });

  it('on a database that does not exist yet: all of them create, migrate and write it', async () => {
    const ws = workspace('2026-11-20');
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => runAsync(ws, ['unit', 'add', `P${i + 1}`, `Phòng chuyên môn số ${i + 1}`])),
    );
    for (const r of results) clean(r);
    expect(integrity(ws.db)).toBe('ok');
    expect(count(ws.db, 'unit')).toBe(WRITERS);
    expect(count(ws.db, 'kysely_migration')).toBeGreaterThan(0);
  });
});

describe('a write lock held longer than the busy timeout', () => {
  it('is refused with one line, exit 1, and nothing written', () => {
    const ws = workspace('2026-11-20');
    expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
    expect(ws.run(['add', 'Rà soát quy chế', '--unit', 'VP', '--due', '2026-12-01']).code).toBe(0);
    const holder = new Sqlite(ws.db);
    holder.pragma('busy_timeout = 5000');
    holder.exec('begin immediate');
    try {
      const result = ws.run(['done', '1', '--evidence', '12/BC-VP'], { env: { TASKS_BUSY_TIMEOUT_MS: '300' } });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^lỗi: cơ sở dữ liệu đang bận/);
      expect(result.stderr).not.toMatch(/locked|SQLITE|at .*\.js/);
    } finally {
      holder.exec('rollback');
      holder.close();
    }
    expect(ws.json(['show', '1']).completedOn).toBeNull();
  });
});
