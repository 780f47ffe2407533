/**
 * `tasks backup` and `tasks restore`, and the copy taken before a schema migration: real
 * processes, real files, the refused cases leaving the database byte for byte as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, workspace, type RunResult, type Workspace } from '../helpers/cli.js';
import { NEWEST_MIGRATION, asPreviousRelease, count, inspect, integrity } from '../helpers/kill.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');

function tracker(): Workspace {
  const ws = workspace('2026-11-20');
  expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
  expect(ws.run(['add', 'Xây dựng Kế hoạch thông tin đối ngoại năm 2027', '--unit', 'TTDN', '--due', '2026-12-15']).code).toBe(0);
  return ws;
}

function refusedInOneLine(result: RunResult, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('tasks backup', () => {
  it('writes a whole, single-file copy that restore puts back; the replaced database is kept aside', () => {
    const ws = tracker();
    const copy = path.join(ws.dir, 'sao-luu', 'tasks-2026-11-20.db');
    const made = ws.run(['backup', copy]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/Đã sao lưu vào .*tasks-2026-11-20\.db: 1 nhiệm vụ, 5 đơn vị/);
    expect(fs.readdirSync(path.dirname(copy))).toEqual(['tasks-2026-11-20.db']);
    expect(integrity(copy)).toBe('ok');

    expect(ws.run(['add', 'Tổng kết công tác năm 2026', '--unit', 'VP', '--due', '2026-12-31']).code).toBe(0);
    const restored = ws.json(['restore', copy]);
    expect(restored).toMatchObject({ database: ws.db, tasks: 1 });
    expect(ws.json(['list']).map((t: { text: string }) => t.text)).toEqual(['Xây dựng Kế hoạch thông tin đối ngoại năm 2027']);
    expect(restored.aside).toMatch(/tasks\.db\.before-restore-\d{8}T\d{9}Z$/);
    expect(count(restored.aside, 'task')).toBe(2);
    const log = ws.json(['log']);
    expect(log.at(-1)).toMatchObject({ action: 'db.restore', actor: 'chuyenvien.vp', detail: { from: copy, aside: restored.aside, tasks: 1 } });
    // The copy was not changed by being restored from.
    expect(integrity(copy)).toBe('ok');
    expect(fs.readdirSync(path.dirname(copy))).toEqual(['tasks-2026-11-20.db']);
  });

  it('once people are registered, only the office restores; a refused restore replaces nothing', () => {
    const ws = tracker();
    const copy = path.join(ws.dir, 'sao-luu.db');
    expect(ws.run(['backup', copy]).code).toBe(0);
    expect(ws.run(['user', 'add', 'Trần Văn Bình', '--login', 'binh.htqt', '--role', 'head', '--unit', 'HTQT']).code).toBe(0);
    expect(ws.run(['add', 'Tổng kết công tác năm 2026', '--unit', 'VP', '--due', '2026-12-31']).code).toBe(0);
    const before = ws.snapshot();
    const refused = ws.run(['restore', copy, '--yes'], { env: { TASKS_USER: 'binh.htqt' } });
    refusedInOneLine(refused, /binh\.htqt .* không được khôi phục cơ sở dữ liệu/);
    expect(ws.snapshot()).toBe(before);
    expect(fs.readdirSync(ws.dir).filter((name) => name.includes('before-restore'))).toEqual([]);
    // The office may; the copy predates the users, so it is single-user again and records who did it.
    expect(ws.json(['restore', copy, '--yes'])).toMatchObject({ tasks: 1 });
    expect(ws.json(['log']).at(-1)).toMatchObject({ action: 'db.restore', actor: 'chuyenvien.vp' });
  });

  it('restores onto a machine with no database yet: nothing to keep aside', () => {
    const ws = tracker();
    const copy = path.join(ws.dir, 'sao-luu.db');
    expect(ws.run(['backup', copy]).code).toBe(0);
    const fresh = path.join(ws.dir, 'may-moi', 'tasks.db');
    const restored = ws.json(['--db', fresh, 'restore', copy]);
    expect(restored).toMatchObject({ database: fresh, aside: null, tasks: 1 });
    expect(ws.json(['--db', fresh, 'list'])).toHaveLength(1);
  });

  it('a database copied by hand (WAL mode) restores too, and nothing is left beside the copy', () => {
    const ws = tracker();
    const dir = path.join(ws.dir, 'usb');
    fs.mkdirSync(dir);
    fs.copyFileSync(ws.db, path.join(dir, 'tasks.db'));
    expect(ws.run(['add', 'Tổng kết công tác năm', '--unit', 'VP', '--due', '2026-12-31']).code).toBe(0);
    expect(ws.run(['restore', path.join(dir, 'tasks.db')]).code).toBe(0);
    expect(count(ws.db, 'task')).toBe(1);
    expect(fs.readdirSync(dir)).toEqual(['tasks.db']);
  });

  it('replaces an older backup of the same name, but never a file that is not one', () => {
    const ws = tracker();
    const copy = path.join(ws.dir, 'hang-ngay.db');
    expect(ws.run(['backup', copy]).code).toBe(0);
    expect(ws.run(['add', 'Báo cáo tháng 12', '--unit', 'VP', '--due', '2026-12-25']).code).toBe(0);
    expect(ws.run(['backup', copy]).code).toBe(0);
    expect(count(copy, 'task')).toBe(2);
    const note = ws.file('ghi-chu.txt', 'Danh sách cán bộ trực Tết\n');
    refusedInOneLine(ws.run(['backup', note]), /không phải bản sao lưu của tasks; không ghi đè/);
    expect(fs.readFileSync(note, 'utf8')).toBe('Danh sách cán bộ trực Tết\n');
    refusedInOneLine(ws.run(['backup', ws.db]), /trùng với cơ sở dữ liệu/);
    refusedInOneLine(ws.run(['backup', path.join(ws.dir, 'x.db')], { env: { TASKS_DB: path.join(ws.dir, 'khong-co.db') } }), /không có cơ sở dữ liệu/);
  });
});

describe('tasks restore refuses, and changes nothing', () => {
  const cases: [string, (ws: Workspace) => string, RegExp][] = [
    ['a file that is not a database', (ws) => ws.file('ket-luan.txt', 'Giám đốc Sở yêu cầu các đơn vị…\n'), /không phải là cơ sở dữ liệu của tasks, hoặc đã hỏng/],
    ['another program\'s SQLite file', (ws) => {
      const file = path.join(ws.dir, 'khac.db');
      inspect(file, (db) => db.exec('create table contacts (name text)'));
      return file;
    }, /không phải là cơ sở dữ liệu của tasks/],
    ['a damaged copy', (ws) => {
      const copy = path.join(ws.dir, 'hong.db');
      expect(ws.run(['backup', copy]).code).toBe(0);
      const bytes = fs.readFileSync(copy);
      for (let i = 4096 * 2; i < bytes.length - 100; i += 97) bytes[i] ^= 0x5a;
      fs.writeFileSync(copy, bytes);
      return copy;
    }, /hoặc đã hỏng/],
    ['a copy from a newer version', (ws) => {
      const copy = path.join(ws.dir, 'moi-hon.db');
      expect(ws.run(['backup', copy]).code).toBe(0);
      inspect(copy, (db) => db.prepare("insert into kysely_migration (name, timestamp) values ('2099-01-01-future', '2099-01-01T00:00:00.000Z')").run());
      return copy;
    }, /phiên bản tasks mới hơn.*không hạ cấp/],
    ['a file that does not exist', (ws) => path.join(ws.dir, 'khong-co.db'), /không có tệp/],
    ['the database itself', (ws) => ws.db, /chính là cơ sở dữ liệu đang dùng/],
  ];
  for (const [name, make, message] of cases) {
    it(name, () => {
      const ws = tracker();
      const file = make(ws);
      const before = ws.snapshot();
      refusedInOneLine(ws.run(['restore', file, '--yes']), message);
      expect(ws.snapshot()).toBe(before);
      expect(fs.readdirSync(ws.dir).filter((f) => f.includes('before-restore'))).toEqual([]);
    });
  }
});

describe('the copy taken before a schema migration', () => {
  it('is made when a database with data is migrated, says where it went, and holds the old schema', () => {
    const ws = tracker();
    asPreviousRelease(ws.db);
    const result = ws.run(['due']);
    expect(result.code, result.stderr).toBe(0);
    const where = /Đã sao lưu cơ sở dữ liệu trước khi cập nhật lược đồ: (.+)/.exec(result.stderr)?.[1];
    expect(where).toBeDefined();
    expect(path.dirname(where!)).toBe(`${ws.db}.backups`);
    expect(integrity(where!)).toBe('ok');
    expect(count(where!, 'kysely_migration', `name = '${NEWEST_MIGRATION}'`)).toBe(0);
    expect(count(where!, 'task')).toBe(1);
    // No second copy once the schema is current.
    expect(ws.run(['due']).stderr).not.toMatch(/sao lưu/);
    expect(fs.readdirSync(`${ws.db}.backups`)).toHaveLength(1);
  });

  it('when no copy can be made, the migration does not run either', () => {
    const ws = tracker();
    asPreviousRelease(ws.db);
    fs.writeFileSync(`${ws.db}.backups`, 'không phải thư mục');
    const result = ws.run(['due']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^lỗi: không sao lưu được cơ sở dữ liệu .* trước khi cập nhật lược đồ; chưa cập nhật gì/);
    expect(count(ws.db, 'kysely_migration', `name = '${NEWEST_MIGRATION}'`)).toBe(0);
    fs.rmSync(`${ws.db}.backups`);
    expect(ws.run(['due']).code).toBe(0);
    expect(count(ws.db, 'kysely_migration', `name = '${NEWEST_MIGRATION}'`)).toBe(1);
  });

  it('keeps the newest five', () => {
    const ws = tracker();
    for (let i = 0; i < 7; i++) {
      asPreviousRelease(ws.db);
      expect(ws.run(['due']).code).toBe(0);
    }
    expect(fs.readdirSync(`${ws.db}.backups`)).toHaveLength(5);
  });

  it('is not made for a database that holds nothing yet', () => {
    const ws = workspace('2026-11-20');
    expect(ws.run(['init']).code).toBe(0);
    asPreviousRelease(ws.db);
    const result = ws.run(['info']);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/sao lưu/);
    expect(fs.existsSync(`${ws.db}.backups`)).toBe(false);
  });

  it('a copy of the previous release restores, and is brought up to date', () => {
    const ws = tracker();
    const copy = path.join(ws.dir, 'ban-cu.db');
    expect(ws.run(['backup', copy]).code).toBe(0);
    asPreviousRelease(copy);
    const result = ws.run(['restore', copy, '--yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(ws.json(['info']).schemaVersion).toBe(NEWEST_MIGRATION);
    expect(count(ws.db, 'task')).toBe(1);
  });
});

describe('the audit trail cannot be changed', () => {
  it('the CLI has no command for it, and the database refuses UPDATE and DELETE on it', () => {
    const ws = tracker();
    const help = ws.run(['--help']).stdout;
    expect(help).toMatch(/history/);
    expect(help).toMatch(/log/);
    const before = count(ws.db, 'audit_event');
    expect(() => inspect(ws.db, (db) => db.exec("update audit_event set actor = 'ai do'"))).toThrow(/append-only/);
    expect(() => inspect(ws.db, (db) => db.exec('delete from audit_event'))).toThrow(/append-only/);
    expect(count(ws.db, 'audit_event')).toBe(before);
  });
});
