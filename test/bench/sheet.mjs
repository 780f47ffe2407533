#!/usr/bin/env node
/**
 * Speed of the spreadsheet import and export against issue 8's budgets:
 *
 *   - `tasks import-sheet` of a 50 000-row XLSX within 20 s (wall), with its peak memory;
 *   - `tasks export --format csv` of 100 000 tasks within 3 s (wall).
 *
 * The trackers are the benchmark's own (test/bench/seed.mjs, cached in .bench/cache like
 * `npm run bench`); the 50 000-row workbook is what `tasks export --format xlsx` makes of the
 * 50k tracker, so it has every column an office's list has, dates as date cells. Each import
 * runs into a fresh database holding the same units. Also shown, without a budget: the XLSX
 * and ICS exports of 100k and the CSV import of 50k.
 *
 *   npm run bench:sheet [-- --runs 3]
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AS_OF, seed } from './seed.mjs';
import { unitFile } from './units.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const BIN = path.join(ROOT, 'bin', 'tasks.js');
const BENCH_DIR = path.join(ROOT, '.bench');
const WORK = path.join(BENCH_DIR, 'sheet');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

function generatorHash() {
  const hash = crypto.createHash('sha256');
  for (const file of ['seed.mjs', 'units.mjs', 'texts.mjs']) hash.update(fs.readFileSync(path.join(HERE, file)));
  return hash.digest('hex').slice(0, 10);
}

function seeded(tasks) {
  const label = `${tasks / 1000}k`;
  const cached = path.join(BENCH_DIR, 'cache', `tasks-${label}-${generatorHash()}.db`);
  if (!fs.existsSync(cached)) {
    process.stderr.write(`seeding ${label} tasks… `);
    const summary = seed({ tasks, db: cached, seed: 2026, force: true });
    process.stderr.write(`${(summary.ms / 1000).toFixed(1)} s\n`);
  }
  // Opened once so WAL mode and any newer migration are in place before timing.
  tasksCli(cached, ['info']);
  return cached;
}

const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs the CLI once: wall milliseconds and peak resident memory (MiB). */
function timed(db, args) {
  const argv = [BIN, '--db', db, '--today', AS_OF, ...args];
  const env = { ...process.env, NO_COLOR: '1' };
  const started = process.hrtime.bigint();
  const result = gnuTime
    ? spawnSync(gnuTime, ['-f', 'max-rss-kib=%M cpu-s=%U+%S', process.execPath, ...argv], { env, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, ['--require', path.join(HERE, 'max-rss.cjs'), ...argv], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`tasks ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const kib = Number(/max-rss-kib=(\d+)/.exec(result.stderr)?.[1] ?? NaN);
  const cpu = /cpu-s=([\d.]+)\+([\d.]+)/.exec(result.stderr);
  return { ms, mib: kib / 1024, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN };
}

function tasksCli(db, args) {
  const result = spawnSync(process.execPath, [BIN, '--db', db, '--today', AS_OF, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) throw new Error(`tasks ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result;
}

const unitsJson = path.join(WORK, 'units.json');

function freshDatabase(name) {
  const db = path.join(WORK, name);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
  tasksCli(db, ['init']);
  tasksCli(db, ['unit', 'import', unitsJson]);
  return db;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const results = [];
function report(name, samples, budgetMs) {
  const ms = median(samples.map((s) => s.ms));
  const mib = Math.max(...samples.map((s) => s.mib));
  const cpu = median(samples.map((s) => s.cpuMs));
  const verdict = budgetMs === null ? '' : ms <= budgetMs ? `  (budget ${budgetMs / 1000} s: ok)` : `  (budget ${budgetMs / 1000} s: OVER BUDGET)`;
  const cpuText = Number.isNaN(cpu) ? '' : `  cpu ${(cpu / 1000).toFixed(2)} s`;
  console.log(`${name.padEnd(36)} median ${(ms / 1000).toFixed(2)} s  min ${(Math.min(...samples.map((s) => s.ms)) / 1000).toFixed(2)} s${cpuText}  peak ${mib.toFixed(0)} MiB${verdict}`);
  results.push({ name, runs: samples.length, medianMs: Math.round(ms), minMs: Math.round(Math.min(...samples.map((s) => s.ms))), cpuMs: Math.round(cpu), peakMiB: Math.round(mib), budgetMs });
}

fs.mkdirSync(WORK, { recursive: true });
fs.writeFileSync(unitsJson, JSON.stringify(unitFile()));
const big = seeded(100_000);
const half = seeded(50_000);

// The 50 000-row workbook and CSV the imports read, made once by the export itself.
const xlsx50 = path.join(WORK, 'nhiem-vu-50k.xlsx');
const csv50 = path.join(WORK, 'nhiem-vu-50k.csv');
tasksCli(half, ['export', '--format', 'xlsx', '--out', xlsx50]);
tasksCli(half, ['export', '--format', 'csv', '--out', csv50]);
console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`50k workbook: ${(fs.statSync(xlsx50).size / 1048576).toFixed(1)} MB; 50k CSV: ${(fs.statSync(csv50).size / 1048576).toFixed(1)} MB; ${RUNS} runs each`);

const sample = (make) => Array.from({ length: RUNS }, make);
report('import-sheet 50k-row XLSX', sample(() => timed(freshDatabase('import-xlsx.db'), ['import-sheet', xlsx50])), 20_000);
report('export --format csv, 100k tasks', sample(() => timed(big, ['export', '--format', 'csv', '--out', path.join(WORK, 'out-100k.csv')])), 3_000);
report('import-sheet 50k-row CSV', sample(() => timed(freshDatabase('import-csv.db'), ['import-sheet', csv50])), null);
report('export --format xlsx, 100k tasks', sample(() => timed(big, ['export', '--format', 'xlsx', '--out', path.join(WORK, 'out-100k.xlsx')])), null);
report('export --format ics, 100k tasks', sample(() => timed(big, ['export', '--format', 'ics', '--out', path.join(WORK, 'out-100k.ics')])), null);
report('export --format json, 100k tasks', sample(() => timed(big, ['export', '--format', 'json', '--out', path.join(WORK, 'out-100k.json')])), null);

console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
fs.writeFileSync(path.join(BENCH_DIR, 'sheet-results.json'), `${JSON.stringify({ at: new Date().toISOString(), node: process.version, loadAverage: os.loadavg(), results }, null, 2)}\n`);
console.log(`written: ${path.relative(ROOT, path.join(BENCH_DIR, 'sheet-results.json'))}`);
