/**
 * `tasks db copy`: a whole tracker to an empty database, ids kept, counts checked on both sides.
 * On SQLite alone it copies file to file; with a PostgreSQL test server, SQLite → PostgreSQL →
 * SQLite, and the answers are the same on all three.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase, PG_URL } from '../helpers/backend.js';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

let w: Workspace;

beforeAll(() => {
  w = workspace('2026-11-20');
  expect(w.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]).code).toBe(0);
  expect(w.run(['add', 'Rà soát thủ tục hành chính', '--unit', 'VP', '--coord', 'LS', '--due', '2026-11-25']).code).toBe(0);
  expect(w.run(['add', 'Đón đoàn Đại sứ quán', '--unit', 'HTQT', '--due', '2026-11-28']).code).toBe(0);
  expect(w.run(['add', 'Báo cáo công tác đối ngoại', '--unit', 'VP', '--every', 'month', '--day', '25', '--source', '12/KH-SNgV', '--issued', '2026-09-01']).code).toBe(0);
  expect(w.run(['progress', '1', 'Đã lấy ý kiến các phòng']).code).toBe(0);
  expect(w.run(['extend', '1', '--to', '2026-12-05', '--reason', 'Chờ số liệu của Bộ']).code).toBe(0);
  expect(w.run(['user', 'add', 'Trần Văn Bình', '--login', 'binh.htqt', '--role', 'head', '--unit', 'HTQT']).code).toBe(0);
  expect(w.run(['extend', '2', '--to', '2026-12-20', '--reason', 'Đoàn đổi lịch'], { env: { TASKS_USER: 'binh.htqt' } }).code).toBe(0);
});

/** What a user sees: the same on every copy. */
function views(db: string) {
  const env = { env: { TASKS_DB: db } };
  return {
    list: w.json(['list'], env),
    due: w.json(['due'], env),
    search: w.json(['list', '--search', 'thu tuc hanh chinh'], env).map((t: { id: number }) => t.id),
    show: w.json(['show', '1'], env),
    pending: w.json(['show', '2'], env).pendingExtension,
    users: w.json(['user', 'list'], env),
  };
}

function copy(from: string, to: string) {
  const result = w.run(['db', 'copy', '--from', from, '--to', to, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { tables: { table: string; source: number; target: number }[] };
}

describe('tasks db copy', () => {
  it('copies every table with its ids, counts match, and the copy answers as the original', () => {
    const target = path.join(w.dir, 'ban-sao.db');
    const report = copy(w.db, target);
    const task = report.tables.find((t) => t.table === 'task')!;
    expect(task.source).toBeGreaterThanOrEqual(4);
    expect(report.tables.every((t) => t.source === t.target)).toBe(true);
    expect(report.tables.map((t) => t.table)).toContain('extension_request');
    expect(views(target)).toEqual(views(w.db));
    // The next id follows the copied ones.
    const added = w.json(['add', 'Việc mới sau khi chép', '--unit', 'VP', '--due', '2026-12-01'], { env: { TASKS_DB: target } });
    expect(added[0].id).toBe(task.source + 1);
  });

  it('refuses a target that already holds data, and leaves it as it was', () => {
    const target = path.join(w.dir, 'da-co.db');
    copy(w.db, target);
    const result = w.run(['db', 'copy', '--from', w.db, '--to', target]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^lỗi: cơ sở dữ liệu đích đã có dữ liệu/);
    expect(w.run(['db', 'copy', '--from', w.db, '--to', w.db]).code).toBe(2);
    expect(w.run(['db', 'copy', '--from', path.join(w.dir, 'khong-co.db'), '--to', path.join(w.dir, 'moi.db')]).code).toBe(1);
  });

  it.runIf(PG_URL)('SQLite → PostgreSQL → SQLite keeps ids and answers, and PostgreSQL sequences move past them', () => {
    const sqliteSource = w.postgres ? path.join(w.dir, 'nguon.db') : w.db;
    if (w.postgres) copy(w.db, sqliteSource);
    const pg = freshPostgresDatabase();
    const there = copy(sqliteSource, pg);
    expect(there.tables.every((t) => t.source === t.target)).toBe(true);
    const back = path.join(w.dir, 've-lai.db');
    copy(pg, back);
    const original = views(sqliteSource);
    expect(views(pg)).toEqual(original);
    expect(views(back)).toEqual(original);
    const added = w.json(['add', 'Việc mới trên PostgreSQL', '--unit', 'VP', '--due', '2026-12-01'], { env: { TASKS_DB: pg } });
    expect(added[0].id).toBe(there.tables.find((t) => t.table === 'task')!.source + 1);
  });
});
