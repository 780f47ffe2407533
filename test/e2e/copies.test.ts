/**
 * Copies of the whole tracker: `backup` never replaces another tracker (unless --force), leaves
 * no stale -wal beside its target, and passes integrity_check; once people are registered only
 * the office may take a backup or a `db copy`, which is recorded in the source's trail; a
 * `db copy --to` a symlink to the source is refused at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ON_POSTGRES } from '../helpers/backend.js';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';
import { integrity } from '../helpers/kill.js';
import { expectRefused, type Tally } from '../helpers/refusal.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const tally: Tally = { tried: 0 };

function tracker(): Workspace {
  const ws = workspace('2026-11-20');
  expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
  expect(ws.run(['add', 'Rà soát quy chế làm việc', '--unit', 'VP', '--due', '2026-12-15']).code).toBe(0);
  return ws;
}

describe.skipIf(ON_POSTGRES)('tasks backup onto an existing file', () => {
  it('another tasks database is refused unless --force; an older backup of this one is replaced; no stale -wal is left', () => {
    const ws = tracker();
    const other = tracker();
    const bytes = fs.readFileSync(other.db);
    const line = expectRefused(ws, ['backup', other.db], tally, { unchanged: () => fs.readFileSync(other.db).toString('base64') });
    expect(line).toMatch(/một cơ sở dữ liệu tasks khác/);
    expect(fs.readFileSync(other.db).equals(bytes)).toBe(true);

    const nightly = path.join(ws.dir, 'sao-luu.db');
    expect(ws.run(['backup', nightly]).code).toBe(0);
    // A stale -wal beside the old backup (a reader once opened it in WAL mode) must not survive the new one.
    fs.writeFileSync(`${nightly}-wal`, Buffer.alloc(0));
    expect(ws.run(['add', 'Báo cáo công tác lãnh sự', '--unit', 'LS', '--due', '2026-12-20']).code).toBe(0);
    const again = ws.run(['backup', nightly]);
    expect(again.code, again.stderr).toBe(0);
    expect(fs.existsSync(`${nightly}-wal`)).toBe(false);
    expect(integrity(nightly)).toBe('ok');
    const copy = new Sqlite(nightly, { readonly: true });
    expect((copy.prepare('select count(*) as n from task').get() as { n: number }).n).toBe(2);
    copy.close();

    const forced = ws.run(['backup', other.db, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(integrity(other.db)).toBe('ok');
  });

  it('a tasks database in use (a -wal with content beside it) is refused', () => {
    const ws = tracker();
    const nightly = path.join(ws.dir, 'sao-luu.db');
    expect(ws.run(['backup', nightly]).code).toBe(0);
    const holder = new Sqlite(nightly);
    holder.pragma('journal_mode = WAL');
    holder.exec("create table ghi_chu (x text); insert into ghi_chu values ('dang dung')");
    try {
      expect(fs.statSync(`${nightly}-wal`).size).toBeGreaterThan(0);
      expect(expectRefused(ws, ['backup', nightly], tally, { unchanged: () => fs.readFileSync(`${nightly}-wal`).toString('base64') })).toMatch(/đang được dùng/);
    } finally {
      holder.close();
    }
  });
});

describe.skipIf(ON_POSTGRES)('once people are registered', () => {
  it('only the office takes a backup or a db copy; the copy is in the source trail', () => {
    const ws = tracker();
    expect(ws.run(['user', 'add', 'Trần Văn Bình', '--login', 'binh.htqt', '--role', 'head', '--unit', 'HTQT']).code).toBe(0);
    expect(ws.run(['user', 'add', 'Lãnh đạo Sở', '--login', 'lanhdao', '--role', 'viewer']).code).toBe(0);
    for (const login of ['binh.htqt', 'lanhdao', 'nguoi.la']) {
      expectRefused(ws, ['backup', path.join(ws.dir, `sao-luu-${login}.db`)], tally, { env: { TASKS_USER: login } });
      expectRefused(ws, ['db', 'copy', '--from', ws.db, '--to', path.join(ws.dir, `ban-chep-${login}.db`)], tally, { env: { TASKS_USER: login } });
      expect(fs.existsSync(path.join(ws.dir, `sao-luu-${login}.db`))).toBe(false);
      expect(fs.existsSync(path.join(ws.dir, `ban-chep-${login}.db`))).toBe(false);
    }
    // An unregistered login reads nothing whole either: no export, no setting (the mail password is masked anyway).
    expect(ws.run(['config', 'set', 'mail.smtpUrl', 'smtp://nhacviec:MAT-KHAU@mail.example.vn:587']).code).toBe(0);
    for (const args of [['export', '--format', 'csv'], ['config', 'get', 'mail.smtpUrl'], ['config', 'list']]) expectRefused(ws, args, tally, { env: { TASKS_USER: 'nguoi.la' } });
    expect(ws.run(['config', 'get', 'mail.smtpUrl']).stdout).not.toContain('MAT-KHAU');
    expect(ws.run(['backup', path.join(ws.dir, 'sao-luu.db')]).code).toBe(0);
    const copied = ws.run(['db', 'copy', '--from', ws.db, '--to', path.join(ws.dir, 'ban-chep.db')]);
    expect(copied.code, copied.stderr).toBe(0);
    const trail = ws.json<{ action: string; actor: string; detail: { to: string } }[]>(['log']).filter((e) => e.action === 'db.copy');
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actor: 'chuyenvien.vp', detail: { to: path.join(ws.dir, 'ban-chep.db') } });
  });

  it('db copy --to a symlink to the source is refused at once', () => {
    const ws = tracker();
    const link = path.join(ws.dir, 'lien-ket.db');
    fs.symlinkSync(ws.db, link);
    const started = Date.now();
    const result = ws.run(['db', 'copy', '--from', ws.db, '--to', link]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cùng một cơ sở dữ liệu/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
