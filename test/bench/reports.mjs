#!/usr/bin/env node
/**
 * `npm run bench:reports`: the DOCX and XLSX digest and overdue report on a tracker of 100,000
 * tasks of which 50,000 are overdue (issue 14 item 16, issue 15: ≤ 10 s and ≤ 300 MiB each).
 * The seeded 100k tracker of `npm run bench` (cached under .bench/cache) gets ~48,000 of its long
 * done tasks reopened, which with those already late makes 50,000 overdue. Each command runs
 * --runs times (3) under GNU time: median wall time, largest peak resident memory.
 *
 *   npm run bench:reports [-- --runs 3 --overdue 50000]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { AS_OF, seed } from './seed.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const BIN = path.join(ROOT, 'bin', 'tasks.js');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const RUNS = option('runs', 3);
const OVERDUE = option('overdue', 50_000);
const LIMITS = { ms: 10_000, mib: 300 };

const work = path.join(ROOT, '.bench', 'work');
fs.mkdirSync(work, { recursive: true });
const cached = path.join(ROOT, '.bench', 'cache', 'reports-100k.db');
if (!fs.existsSync(cached)) {
  process.stderr.write('seeding 100k tasks… ');
  seed({ tasks: 100_000, db: cached, seed: 2026, force: true });
  process.stderr.write('done\n');
}
const db = path.join(work, `reports-${OVERDUE}.db`);
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
fs.copyFileSync(cached, db);
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), LANG: 'C.UTF-8', NO_COLOR: '1', TASKS_USER: 'bench' };
const run = (argv) => spawnSync(process.execPath, [BIN, '--db', db, '--today', AS_OF, ...argv], { env, encoding: 'utf8' });
if (run(['info']).status !== 0) throw new Error('tasks info failed');

const handle = new Sqlite(db);
const late = () => handle.prepare(`select count(*) as n from task where completed_on is null and cancelled_on is null and ongoing = 0 and lead_unit_id is not null and due_on < ?`).get(AS_OF).n;
const missing = OVERDUE - late();
if (missing > 0) {
  handle
    .prepare(
      `update task set completed_on = null, evidence = null, completion_note = null where id in (
         select id from task where completed_on is not null and cancelled_on is null and ongoing = 0 and lead_unit_id is not null
         and due_on < '2026-11-01' and last_extended_on is null order by id limit ?)`,
    )
    .run(missing);
}
const overdue = late();
handle.close();
process.stderr.write(`${overdue} overdue tasks of 100000\n`);

const cases = [
  ['overdue --format docx', ['overdue', '--format', 'docx', '--out', path.join(work, 'qua-han.docx')]],
  ['overdue --format xlsx', ['overdue', '--format', 'xlsx', '--out', path.join(work, 'qua-han.xlsx')]],
  ['digest --format docx', ['digest', '--month', AS_OF.slice(0, 7), '--format', 'docx', '--out', path.join(work, 'bao-cao.docx')]],
  ['digest --format xlsx', ['digest', '--month', AS_OF.slice(0, 7), '--format', 'xlsx', '--out', path.join(work, 'bao-cao.xlsx')]],
];
const rows = [];
for (const [name, argv] of cases) {
  const times = [];
  let peak = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, BIN, '--db', db, '--today', AS_OF, ...argv], { env, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}: ${r.stderr}`);
    const [kib] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    times.push(ms);
    peak = Math.max(peak, kib / 1024);
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1];
  rows.push({ name, medianMs: Math.round(median), peakMiB: Math.round(peak), pass: median <= LIMITS.ms && peak <= LIMITS.mib });
  process.stderr.write(`  ${name.padEnd(24)} ${(median / 1000).toFixed(1)} s  ${peak.toFixed(0)} MiB\n`);
}
process.stdout.write(`\n100 000 tasks, ${overdue} overdue; median of ${RUNS} runs; load average ${os.loadavg()[0].toFixed(1)}\n\n`);
process.stdout.write(`| command | median | peak memory | target (≤ 10 s, ≤ 300 MiB) |\n| --- | ---: | ---: | --- |\n`);
for (const r of rows) process.stdout.write(`| \`tasks ${r.name}\` | ${(r.medianMs / 1000).toFixed(1)} s | ${r.peakMiB} MiB | ${r.pass ? 'met' : 'missed'} |\n`);
