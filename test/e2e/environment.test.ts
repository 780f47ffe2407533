/**
 * Errors the environment causes, each one clear Vietnamese line and exit 1 (never 70, "lỗi nội
 * bộ" or a stack): a read-only database file, an unwritable output folder, a name too long, a full
 * disk behind stdout, a PostgreSQL URL that cannot be one, sslmode against a server without TLS.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ON_POSTGRES } from '../helpers/backend.js';
import { BIN, ROOT, workspace, type RunResult, type Workspace } from '../helpers/cli.js';
import { makePdf } from '../helpers/documents.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const asRoot = process.getuid?.() === 0;
const canDropPrivileges = asRoot && spawnSync('runuser', ['--help']).status === 0;

function oneLine(result: RunResult, what: string): string {
  expect(result.code, `${what}: ${result.stderr}`).toBe(1);
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines, what).toHaveLength(1);
  expect(lines[0], what).toMatch(/^lỗi: /);
  expect(lines[0], what).not.toMatch(/lỗi nội bộ|\bat .+:\d+:\d+|SQLITE_|Error:/);
  return lines[0];
}

/** Runs the CLI as `nobody` (root ignores file permissions), in the workspace's environment. */
function asNobody(ws: Workspace, args: string[]): RunResult {
  const result = spawnSync('runuser', ['-u', 'nobody', '--', 'env', `TASKS_DB=${ws.db}`, 'TASKS_TODAY=2026-11-20', 'TASKS_USER=chuyenvien.vp', `HOME=${ws.dir}`, 'NO_COLOR=1', `PATH=${process.env.PATH}`, process.execPath, BIN, ...args], {
    cwd: ws.dir,
    encoding: 'utf8',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

function tracker(): Workspace {
  const ws = workspace('2026-11-20');
  expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
  expect(ws.run(['add', 'Rà soát quy chế làm việc', '--unit', 'VP', '--due', '2026-11-25']).code).toBe(0);
  return ws;
}

describe.skipIf(ON_POSTGRES)('files the environment will not let us write', () => {
  it.skipIf(!canDropPrivileges)('a read-only database file, an unwritable output folder: one line, exit 1', () => {
    const ws = tracker();
    fs.chmodSync(ws.dir, 0o755);
    fs.chmodSync(ws.db, 0o644);
    const before = fs.readFileSync(ws.db);
    expect(oneLine(asNobody(ws, ['add', 'Việc mới', '--unit', 'VP', '--due', '2026-12-01']), 'add on a read-only file')).toMatch(/chỉ đọc/);
    expect(oneLine(asNobody(ws, ['progress', '1', 'Đã gửi']), 'progress on a read-only file')).toMatch(/chỉ đọc/);
    oneLine(asNobody(ws, ['list']), 'list on a read-only file');
    expect(fs.readFileSync(ws.db).equals(before)).toBe(true);
    // A folder nobody may write to, for a database that nobody may read either way: --out is checked on its own.
    const out = path.join(ws.dir, 'khong-ghi-duoc');
    fs.mkdirSync(out, { mode: 0o755 });
    const copy = path.join(ws.dir, 'ban-doc.db');
    fs.copyFileSync(ws.db, copy);
    fs.chmodSync(copy, 0o666);
    const shared = { ...ws, db: copy };
    fs.chmodSync(ws.dir, 0o777);
    const refused = asNobody(shared, ['export', '--format', 'csv', '--out', path.join(out, 'x.csv')]);
    expect(oneLine(refused, 'export into an unwritable folder')).toMatch(/không có quyền ghi/);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('a name too long for --db or --out', () => {
    const ws = tracker();
    const long = 'a'.repeat(300);
    oneLine(ws.run(['--db', path.join(ws.dir, `${long}.db`), 'init']), '--db with a long name');
    oneLine(ws.run(['--db', path.join(ws.dir, long, 'x.db'), 'init']), '--db in a folder with a long name');
    expect(oneLine(ws.run(['digest', '--month', '2026-11', '--format', 'md', '--out', `${long}.md`]), '--out with a long name')).toMatch(/tên quá dài/);
    expect(fs.readdirSync(ws.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a FIFO or a device as the database (--db, db copy --to): refused at once, left as it was', () => {
    const ws = tracker();
    const fifo = path.join(ws.dir, 'ong');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    for (const args of [['--db', fifo, 'list'], ['--db', fifo, 'init'], ['--db', '/dev/null', 'init'], ['db', 'copy', '--from', ws.db, '--to', fifo], ['db', 'copy', '--from', ws.db, '--to', '/dev/zero']]) {
      expect(oneLine(ws.run(args), args.join(' '))).toMatch(/không phải là tệp|chưa phải là cơ sở dữ liệu/);
    }
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('a full disk behind stdout (> /dev/full)', () => {
    const ws = tracker();
    const full = fs.openSync('/dev/full', 'w');
    try {
      for (const args of [['list'], ['export', '--format', 'csv'], ['digest', '--month', '2026-11', '--format', 'md']]) {
        const result = spawnSync(process.execPath, [BIN, ...args], {
          cwd: ws.dir,
          encoding: 'utf8',
          stdio: ['ignore', full, 'pipe'],
          env: { PATH: process.env.PATH ?? '', HOME: ws.dir, TASKS_DB: ws.db, TASKS_TODAY: '2026-11-20', TASKS_USER: 'chuyenvien.vp', NO_COLOR: '1' },
        });
        expect(oneLine({ code: result.status ?? -1, stdout: '', stderr: result.stderr }, `tasks ${args.join(' ')} > /dev/full`)).toMatch(/đĩa đầy/);
      }
    } finally {
      fs.closeSync(full);
    }
  });
});

describe('a damaged PDF that pdf.js still reads', () => {
  it('imports without pdf.js\'s "Warning:" lines reaching the user', () => {
    const ws = workspace('2026-11-20');
    expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
    const pdf = makePdf(['THONG BAO KET LUAN', 'So: 90/TB-SNgV', 'Giam doc So yeu cau cu the nhu sau:', '1. Van phong So ra soat quy che lam viec, hoan thanh truoc ngay 30/12/2026.'])
      .toString('latin1')
      .replace(/startxref\n\d+/, 'startxref\n999999');
    const file = ws.file('hong.pdf', Buffer.from(pdf, 'latin1'));
    const result = ws.run(['import', file, '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/Warning:|Info:/);
    expect(result.stderr).toMatch(/Xem trước: 1 ý kiến chỉ đạo/);
  });
});

describe('PostgreSQL addresses', () => {
  it('a port out of range or a malformed URL: one line, the password not echoed', () => {
    const ws = workspace('2026-11-20');
    for (const url of ['postgres://tasks:bi-mat@127.0.0.1:99999/tasks', 'postgres://tasks:bi-mat@[::1/tasks']) {
      const line = oneLine(ws.run(['list'], { env: { TASKS_DB: url } }), url);
      expect(line).not.toContain('bi-mat');
    }
  });

  it.skipIf(!ON_POSTGRES)('sslmode=require against a server without TLS: one line of ours, not pg\'s SECURITY WARNING', () => {
    const ws = workspace('2026-11-20');
    const url = new URL(ws.db);
    url.searchParams.set('sslmode', 'require');
    const result = ws.run(['list'], { env: { TASKS_DB: url.toString() } });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/SECURITY WARNING|\(node:\d+\)/);
    expect(result.stderr.split('\n').filter(Boolean).at(-1)).toMatch(/^lỗi: .*(TLS|SSL)/);
  });
});
