/**
 * A database file that is not ours, or was written by a newer version of tasks, named with --db
 * or TASKS_DB: every command refuses it in one line and leaves its bytes exactly as they were —
 * including the header WAL mode would rewrite.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';
import { inspect } from '../helpers/kill.js';
import { expectRefused, type Tally } from '../helpers/refusal.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const SAMPLE = path.join(ROOT, 'data', 'ket-luan-mau.txt');
const tally: Tally = { tried: 0 };

afterAll(() => {
  console.info(`bad database files × commands tried: ${tally.tried}`);
});

const COMMANDS: string[][] = [
  ['due'],
  ['overdue'],
  ['list', '--json'],
  ['show', '1'],
  ['history', '1'],
  ['log'],
  ['info'],
  ['init'],
  ['add', 'Rà soát quy chế', '--unit', 'VP', '--due', '2026-12-15'],
  ['done', '1', '--evidence', '12/BC-VP'],
  ['progress', '1', 'Đã gửi dự thảo'],
  ['unit', 'list'],
  ['unit', 'import', UNITS],
  ['unit', 'add', 'KHTC', 'Phòng Kế hoạch - Tài chính'],
  ['import', SAMPLE, '--yes'],
  ['import', SAMPLE, '--dry-run'],
  ['config', 'list'],
  ['calendar', 'list', '2026'],
  ['digest', '--month', '2026-11'],
  ['stats'],
  ['remind', '--dry-run'],
  ['backup', 'sao-luu.db'],
];

/** The file's bytes and which companion files exist: anything written shows here. */
function bytesOf(file: string): () => string {
  return () =>
    [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]
      .map((f) => (fs.existsSync(f) ? (fs.statSync(f).isDirectory() ? 'dir' : fs.readFileSync(f).toString('base64')) : '-'))
      .join('|');
}

function tryAll(ws: Workspace, file: string, reason: RegExp): void {
  for (const args of COMMANDS) {
    expect(expectRefused(ws, args, tally, { env: { TASKS_DB: file }, unchanged: bytesOf(file) })).toMatch(reason);
  }
  // --db wins over TASKS_DB, and is refused the same way.
  expect(expectRefused(ws, ['--db', file, 'due'], tally, { unchanged: bytesOf(file) })).toMatch(reason);
  expect(fs.existsSync(path.join(ws.dir, 'sao-luu.db'))).toBe(false);
}

describe('a database file that is not ours', () => {
  it('a text file', () => {
    const ws = workspace('2026-11-20');
    const file = ws.file('danh-ba.db', 'Họ và tên;Chức vụ;Điện thoại\nTrưởng phòng;0256 3822 000\n');
    tryAll(ws, file, /không phải là cơ sở dữ liệu của tasks/);
  });

  it("another program's SQLite file, in rollback-journal mode", () => {
    const ws = workspace('2026-11-20');
    const file = path.join(ws.dir, 'cong-van.db');
    inspect(file, (db) => db.exec("create table cong_van (so text, trich_yeu text); insert into cong_van values ('84/TB-SNgV', 'Thông báo kết luận')"));
    tryAll(ws, file, /không phải là cơ sở dữ liệu của tasks/);
  });

  it('a folder', () => {
    const ws = workspace('2026-11-20');
    const dir = path.join(ws.dir, 'du-lieu');
    fs.mkdirSync(dir);
    tryAll(ws, dir, /không phải là cơ sở dữ liệu của tasks|không phải là tệp/);
  });
});

describe('a database written by a newer version', () => {
  // The same on PostgreSQL: test/pg/postgres.test.ts.
  it.skipIf(process.env.TASKS_TEST_BACKEND === 'postgres')('is refused, not downgraded', () => {
    const ws = workspace('2026-11-20');
    expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
    expect(ws.run(['add', 'Rà soát quy chế', '--unit', 'VP', '--due', '2026-12-15']).code).toBe(0);
    inspect(ws.db, (db) => db.prepare("insert into kysely_migration (name, timestamp) values ('2099-01-01-future', '2099-01-01T00:00:00.000Z')").run());
    tryAll(ws, ws.db, /phiên bản tasks mới hơn/);
  });
});
