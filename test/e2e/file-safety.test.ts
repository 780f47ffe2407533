/**
 * Files around the database: what --out may replace, and how every file is written (an exclusive,
 * unpredictable temporary name in the target's folder, 0600 until renamed, never written through
 * a planted symlink, removed on errors and on Ctrl+C). SQLite files only: these are about files.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ON_POSTGRES } from '../helpers/backend.js';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';
import { expectRefused, type Tally } from '../helpers/refusal.js';
import { spawnCli } from '../helpers/spawn-cli.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const tally: Tally = { tried: 0 };
let ws: Workspace;

function digestOf(file: string): string {
  return fs.existsSync(file) ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') : '-';
}

/** Every file in the folder, so a test sees a temporary file left behind. */
function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

beforeAll(() => {
  ws = workspace('2026-11-20');
  expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
  expect(ws.run(['add', 'Rà soát quy chế làm việc', '--unit', 'VP', '--due', '2026-11-25']).code).toBe(0);
  expect(ws.run(['add', 'Báo cáo công tác lãnh sự', '--unit', 'LS', '--due', '2026-12-15']).code).toBe(0);
});

afterAll(() => {
  console.log(`file safety: ${tally.tried} refused --out targets checked`);
});

describe.skipIf(ON_POSTGRES)('--out never replaces a database', () => {
  const writers = (out: string): string[][] => [
    ['digest', '--month', '2026-11', '--format', 'md', '--out', out],
    ['digest', '--month', '2026-11', '--format', 'docx', '--out', out],
    ['overdue', '--format', 'csv', '--out', out],
    ['overdue', '--out', out, '--format', 'term'],
    ['export', '--format', 'csv', '--out', out],
    ['export', '--format', 'xlsx', '--out', out],
  ];

  it('the live database, its -wal and -shm (held open by another reader), or another tasks database: refused, byte for byte unchanged', () => {
    const other = path.join(ws.dir, 'kho-khac.db');
    fs.copyFileSync(ws.db, other);
    // A reader holding the file open keeps its -wal and -shm in place, as another user's command would.
    const reader = new Sqlite(ws.db);
    reader.prepare('select count(*) from task').get();
    try {
      expect(fs.existsSync(`${ws.db}-wal`)).toBe(true);
      for (const target of [ws.db, `${ws.db}-wal`, `${ws.db}-shm`, other, path.relative(ws.dir, ws.db)]) {
        for (const args of writers(target)) {
          const before = [digestOf(ws.db), digestOf(`${ws.db}-wal`), digestOf(other)].join('|');
          const line = expectRefused(ws, args, tally, { unchanged: () => [digestOf(ws.db), digestOf(`${ws.db}-wal`), digestOf(other)].join('|') });
          expect(line).toMatch(/không ghi đè/);
          expect([digestOf(ws.db), digestOf(`${ws.db}-wal`), digestOf(other)].join('|')).toBe(before);
        }
      }
    } finally {
      reader.close();
    }
    expect(ws.json(['list']).length).toBe(2);
  });

  it('a FIFO, a device or a folder: refused, and left what it was', () => {
    const fifo = path.join(ws.dir, 'ong');
    execFileSync('mkfifo', [fifo]);
    const folder = path.join(ws.dir, 'thu-muc');
    fs.mkdirSync(folder);
    for (const target of [fifo, '/dev/full', '/dev/zero', folder]) {
      for (const args of writers(target)) expectRefused(ws, args, tally);
    }
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    expect(fs.statSync(folder).isDirectory()).toBe(true);
    expect(fs.statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('/dev/null is written to, not replaced; "-" and /dev/stdout are standard output', () => {
    for (const args of writers('/dev/null')) {
      const result = ws.run(args);
      expect(result.code, result.stderr).toBe(0);
    }
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
    for (const out of ['-', '/dev/stdout']) {
      const md = ws.run(['digest', '--month', '2026-11', '--format', 'md', '--out', out]);
      expect(md.code, md.stderr).toBe(0);
      expect(md.stdout).toContain('Báo cáo công tác lãnh sự');
      const csv = ws.run(['export', '--format', 'csv', '--out', out]);
      expect(csv.code, csv.stderr).toBe(0);
      expect(csv.stdout).toContain('Báo cáo công tác lãnh sự');
    }
  });

  it('an extension no format has (.pdf, .doc) is refused, nothing written', () => {
    for (const name of ['bao-cao.pdf', 'bao-cao.doc', 'bao-cao.odt']) {
      const before = listing(ws.dir);
      expectRefused(ws, ['digest', '--month', '2026-11', '--out', name], tally);
      expectRefused(ws, ['overdue', '--out', name], tally);
      expect(listing(ws.dir)).toEqual(before);
    }
    const ok = ws.run(['digest', '--month', '2026-11', '--out', 'bao-cao.md']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(fs.readFileSync(path.join(ws.dir, 'bao-cao.md'), 'utf8')).toContain('Báo cáo công tác lãnh sự');
  });
});

describe.skipIf(ON_POSTGRES)('temporary files', () => {
  it('a symlink planted under the old predictable names (<out>.<pid>.tmp, <file>.part-<pid>) is never written through', async () => {
    const victim = path.join(ws.dir, 'nan-nhan.txt');
    const cases: [string[], (pid: number) => string[]][] = [
      [['digest', '--month', '2026-11', '--format', 'md', '--out', 'r.md'], (pid) => [`r.md.${pid}.tmp`]],
      [['export', '--format', 'csv', '--out', 'e.csv'], (pid) => [`e.csv.${pid}.tmp`]],
      [['backup', 'sao-luu.db'], (pid) => [`sao-luu.db.part-${pid}`]],
    ];
    for (const [args, names] of cases) {
      fs.writeFileSync(victim, 'KHÔNG ĐƯỢC GHI ĐÈ');
      const child = spawnCli(ws, args);
      // The pid is known at once; node takes far longer than this to start writing.
      for (const name of names(child.pid!)) fs.symlinkSync(victim, path.join(ws.dir, name));
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code, `tasks ${args.join(' ')}: ${stderr}`).toBe(0);
      expect(fs.readFileSync(victim, 'utf8'), `tasks ${args.join(' ')} wrote through the symlink`).toBe('KHÔNG ĐƯỢC GHI ĐÈ');
      for (const name of names(child.pid!)) fs.rmSync(path.join(ws.dir, name));
    }
  });

  it('is made in the target folder with an unpredictable name and mode 0600, and Ctrl+C removes it', async () => {
    const out = path.join(ws.dir, 'dung-giua-chung.csv');
    const child = spawnCli(ws, ['export', '--format', 'csv', '--out', out], { TASKS_TEST_PAUSE_AT: 'out:rename' });
    let stderr = '';
    await new Promise<void>((resolve) =>
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        if (stderr.includes('paused at out:rename')) resolve();
      }),
    );
    const temporary = listing(ws.dir).filter((name) => name.endsWith('.tmp'));
    expect(temporary).toHaveLength(1);
    expect(temporary[0]).not.toContain(String(child.pid));
    expect(temporary[0]).toMatch(/^\.dung-giua-chung\.csv\.[0-9a-f]{18}\.tmp$/);
    const stat = fs.lstatSync(path.join(ws.dir, temporary[0]));
    expect(stat.isFile()).toBe(true);
    expect(stat.mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(ws.dir, temporary[0]), 'utf8')).toContain('Báo cáo công tác lãnh sự');
    child.kill('SIGINT');
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect(signal === 'SIGINT' || code === 130, `exit ${code} ${signal}`).toBe(true);
    expect(listing(ws.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('the finished file gets the usual mode, and an error leaves nothing behind', () => {
    const ok = ws.run(['export', '--format', 'csv', '--out', 'xong.csv']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(fs.statSync(path.join(ws.dir, 'xong.csv')).mode & 0o777).not.toBe(0o600);
    if (process.getuid?.() === 0) return; // root writes anywhere: no unwritable folder to try
    const locked = path.join(ws.dir, 'khoa');
    fs.mkdirSync(locked, { mode: 0o555 });
    expectRefused(ws, ['export', '--format', 'csv', '--out', path.join(locked, 'x.csv')], tally);
    expect(listing(locked)).toEqual([]);
  });
});
