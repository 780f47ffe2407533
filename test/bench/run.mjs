#!/usr/bin/env node
/**
 * `npm run bench`: times the built CLI on seeded databases of 1k, 10k and 100k tasks (1M with
 * `--sizes 1m`), beside bare `node -e 0` measured in the same run and, when `task` is installed,
 * Taskwarrior on the same tasks; prints one table and checks the targets of issue 15. See
 * docs/bench.md for what each figure means.
 *
 *   npm run bench -- [--sizes 1k,10k,100k,1m] [--runs 15] [--warmup 2] [--no-taskwarrior]
 *                    [--runner auto|hyperfine|node] [--inherit-env] [--reseed] [--bin PATH] [--out FILE]
 *
 * Every command is a real process, as a user runs it: `node bin/tasks.js --db FILE --today
 * 2026-11-20 ...` with NO_COLOR=1 and stdout sent to /dev/null. Wall time is the median of
 * --runs runs after --warmup unmeasured ones (hyperfine when installed, else timed here with
 * process.hrtime around spawnSync). Peak memory is the process's maximum resident set size,
 * read by GNU time (`/usr/bin/time -f %M`, the kernel's ru_maxrss of the child) in separate runs
 * so that its own fork does not count in the wall time.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { AS_OF, seed } from './seed.mjs';
import { TASK_OVERRIDES, taskwarriorBinary, taskwarriorData, taskwarriorEnv } from './taskwarrior.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
let BIN = path.join(ROOT, 'bin', 'tasks.js');
const BENCH_DIR = path.join(ROOT, '.bench');
const LIST_UNIT = 'KHTC';
const MEMORY_RUNS = 3;

/** Issue 15's targets: ratios to `node -e 0` measured in the same run. */
const TARGETS = {
  dueRatio100k: 1.3,
  dueRatio1m: 1.6,
  dueMiB100k: 64,
  taskwarriorRatio: 5,
  versionRatio: 1.1,
  writeRatio100k: 1.3,
  digestRatio100k: 1.5,
  sqlMs100k: 8,
  sqlMs1m: 25,
};
/** Taskwarrior's import takes ~40 s at 100k; at 1M it would take most of an hour. */
const TASKWARRIOR_MAX = 100_000;

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const out = { sizes: [1_000, 10_000, 100_000], runs: 15, warmup: 2, runner: 'auto', inheritEnv: false, reseed: false, taskwarrior: true, out: 'results.json' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sizes') out.sizes = argv[++i].split(',').map((s) => Number(s.replace(/k$/i, '000').replace(/m$/i, '000000')));
    else if (arg === '--no-taskwarrior') out.taskwarrior = false;
    else if (arg === '--runs') out.runs = Number(argv[++i]);
    else if (arg === '--warmup') out.warmup = Number(argv[++i]);
    else if (arg === '--runner') out.runner = argv[++i];
    else if (arg === '--inherit-env') out.inheritEnv = true;
    else if (arg === '--reseed') out.reseed = true;
    else if (arg === '--out') out.out = path.basename(argv[++i]);
    // Another build's bin/tasks.js, to compare before and after a change on the same databases.
    else if (arg === '--bin') BIN = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${arg}`);
  }
  if (out.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes task counts, e.g. 1k,10k,100k,1m');
  if (!Number.isInteger(out.runs) || out.runs < 3) throw new Error('--runs takes a whole number, 3 or more');
  if (!Number.isInteger(out.warmup) || out.warmup < 0) throw new Error('--warmup takes a whole number');
  if (!['auto', 'hyperfine', 'node'].includes(out.runner)) throw new Error('--runner takes auto, hyperfine or node');
  return out;
}

function which(program) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, program);
    if (dir && fs.existsSync(file)) return file;
  }
  return null;
}

/**
 * The environment every measured process gets. By default a clean one: variables such as
 * NODE_OPTIONS or NODE_EXTRA_CA_CERTS (which alone adds ~70 ms to every node start on some
 * machines) would time the machine's set-up, not the tracker. --inherit-env keeps the caller's.
 */
function benchEnv(inherit) {
  const base = inherit ? { ...process.env } : { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.tmpdir(), LANG: process.env.LANG ?? 'C.UTF-8' };
  return { ...base, NO_COLOR: '1', TASKS_USER: 'bench' };
}

const label = (n) => (n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// ---------------------------------------------------------------- databases

/** Seeded databases are cached by task count and by the generator's own source. */
function generatorHash() {
  const hash = crypto.createHash('sha256');
  for (const file of ['seed.mjs', 'units.mjs', 'texts.mjs']) hash.update(fs.readFileSync(path.join(HERE, file)));
  return hash.digest('hex').slice(0, 10);
}

function seededDatabase(size, reseed) {
  const cached = path.join(BENCH_DIR, 'cache', `tasks-${label(size)}-${generatorHash()}.db`);
  if (reseed || !fs.existsSync(cached)) {
    process.stderr.write(`seeding ${label(size)} tasks… `);
    const summary = seed({ tasks: size, db: cached, seed: 2026, force: true });
    process.stderr.write(`${(summary.ms / 1000).toFixed(1)} s\n`);
  }
  return cached;
}

/** A working copy, so measured writes never touch the cache. */
function workingCopy(cached, name) {
  const file = path.join(BENCH_DIR, 'work', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(cached, file);
  return file;
}

/**
 * Tasks the bench writes to: one to complete (open, dated, with a lead unit on the as-of day),
 * one to extend (the same, not yet due, never extended).
 */
function writeTargets(db) {
  const handle = new Sqlite(db, { readonly: true });
  const open = `select id from task where completed_on is null and cancelled_on is null and ongoing = 0
       and lead_unit_id is not null and due_on is not null and assigned_on <= @asOf`;
  const done = handle.prepare(`${open} order by id limit 1`).get({ asOf: AS_OF });
  const extend = handle.prepare(`${open} and due_on >= @asOf and due_on < '2027-06-30' and last_extended_on is null and id <> @done order by id limit 1`).get({ asOf: AS_OF, done: done?.id ?? -1 });
  handle.close();
  if (!done || !extend) throw new Error(`no open task to write to in ${db}`);
  return { done: done.id, extend: extend.id };
}

// ---------------------------------------------------------------- measuring

/** One command to measure: argv for node, an optional untimed step before each run. */
function tasksCase(name, size, db, args, prepare = null) {
  return { name, size, argv: [process.execPath, BIN, '--db', db, '--today', AS_OF, ...args], prepare };
}

function runOnce(argv, env) {
  const result = spawnSync(argv[0], argv.slice(1), { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${argv.slice(1).join(' ')} exited ${result.status}: ${result.stderr}`);
}

function timeWithNode(c, options, env) {
  const times = [];
  for (let i = 0; i < options.warmup + options.runs; i++) {
    if (c.prepare) runOnce(c.prepare, env);
    const start = process.hrtime.bigint();
    runOnce(c.argv, env);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (i >= options.warmup) times.push(ms);
  }
  return times;
}

const shellQuote = (arg) => (/^[\w./:=@%+,-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`);

function timeWithHyperfine(c, options, env) {
  const out = path.join(BENCH_DIR, 'work', 'hyperfine.json');
  const args = ['-N', '--style', 'none', '--warmup', String(options.warmup), '--runs', String(options.runs), '--export-json', out];
  if (c.prepare) args.push('--prepare', c.prepare.map(shellQuote).join(' '));
  args.push('--', c.argv.map(shellQuote).join(' '));
  const result = spawnSync('hyperfine', args, { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`hyperfine failed on ${c.name}: ${result.stderr || result.stdout}`);
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  const r = report.results[0];
  // CPU time (user + system, mean) moves far less than wall time when other work shares the machine.
  return Object.assign(r.times.map((s) => s * 1000), { cpuMs: (r.user + r.system) * 1000 });
}

/** Peak resident memory in MiB: the largest of a few runs, as GNU time reports it. */
function peakMemory(c, env) {
  const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  let peakKiB = 0;
  for (let i = 0; i < MEMORY_RUNS; i++) {
    if (c.prepare) runOnce(c.prepare, env);
    let kib;
    if (gnuTime) {
      const result = spawnSync(gnuTime, ['-f', '%M', ...c.argv], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`${c.name} exited ${result.status}: ${result.stderr}`);
      kib = Number(result.stderr.trim().split('\n').at(-1));
    } else {
      // Without GNU time: the child reports its own ru_maxrss when it exits.
      const probe = path.join(HERE, 'max-rss.cjs');
      const result = spawnSync(c.argv[0], ['--require', probe, ...c.argv.slice(1)], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`${c.name} exited ${result.status}: ${result.stderr}`);
      kib = Number(/max-rss-kib=(\d+)/.exec(result.stderr)?.[1]);
    }
    if (!Number.isFinite(kib)) throw new Error(`could not read the peak memory of ${c.name}`);
    peakKiB = Math.max(peakKiB, kib);
  }
  return peakKiB / 1024;
}

function measure(c, options, env, runner) {
  const times = runner === 'hyperfine' ? timeWithHyperfine(c, options, c.env ? { ...env, ...c.env } : env) : timeWithNode(c, options, c.env ? { ...env, ...c.env } : env);
  const result = {
    name: c.name,
    size: c.size,
    command: c.argv.slice(1).map((a) => (a === process.execPath ? 'node' : path.relative(ROOT, a).startsWith('..') ? a : path.relative(ROOT, a) || a)).join(' '),
    runs: times.length,
    medianMs: round(median(times)),
    meanMs: round(times.reduce((a, b) => a + b, 0) / times.length),
    minMs: round(Math.min(...times)),
    maxMs: round(Math.max(...times)),
    cpuMeanMs: times.cpuMs === undefined ? null : round(times.cpuMs),
    peakMiB: round(peakMemory(c, c.env ? { ...env, ...c.env } : env)),
    loadAverage: round(os.loadavg()[0]),
  };
  process.stderr.write(`  ${c.name.padEnd(40)} ${(c.size === null ? '' : label(c.size)).padStart(5)}  ${String(result.medianMs).padStart(7)} ms  ${String(result.peakMiB).padStart(6)} MiB${result.cpuMeanMs === null ? '' : `  (cpu ${result.cpuMeanMs} ms)`}\n`);
  return result;
}

const round = (x) => Math.round(x * 10) / 10;

// ---------------------------------------------------------------- the daily view's SQL

/**
 * The daily view's read as the CLI runs it: TASKS_DEBUG_SQL=1 prints each statement with its
 * time (better-sqlite3 executing it and building the rows); the statements that read task rows
 * for the view are summed, and the median of `runs` processes is kept.
 */
function dailyViewSql(db, env, runs) {
  const totals = [];
  for (let i = 0; i < runs; i++) {
    const result = spawnSync(process.execPath, [BIN, '--db', db, '--today', AS_OF, 'due'], { env: { ...env, TASKS_DEBUG_SQL: '1' }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`tasks due exited ${result.status}: ${result.stderr}`);
    let ms = 0;
    for (const [, time, statement] of result.stderr.matchAll(/^([\d.]+) ms\t([^\n]*)/gm)) {
      if (/from "task"/.test(statement) && /"task"\."(id|text)"/.test(statement)) ms += Number(time);
    }
    totals.push(ms);
  }
  return round(median(totals));
}

// ---------------------------------------------------------------- report

const ratio = (r, floor) => (r && floor ? Math.round((r.medianMs / floor.medianMs) * 100) / 100 : null);

/** One table: each command at each size, its median, its ratio to node -e 0 of the same size's group, CPU, peak memory, Taskwarrior beside `tasks due`. */
function table(results) {
  const head = ['command', 'tasks', 'median ms', '× node -e 0', 'cpu ms', 'cpu ×', 'peak MiB', 'Taskwarrior ms', 'Taskwarrior ÷ tasks', 'load'];
  const rows = [head];
  for (const r of results) {
    if (r.name === 'node -e 0' && r.size !== null) continue;
    if (r.name.startsWith('task ') || r.name === 'daily view SQL') continue;
    const floor = results.find((f) => f.name === 'node -e 0' && f.size === r.size) ?? results.find((f) => f.name === 'node -e 0');
    const tw = r.name === 'tasks due' ? results.find((t) => t.name.startsWith('task ') && t.size === r.size) : undefined;
    rows.push([
      r.name,
      r.size === null ? '' : label(r.size),
      r.medianMs.toFixed(1),
      r.name === 'node -e 0' ? '1.00' : ratio(r, floor).toFixed(2),
      r.cpuMeanMs === null ? '' : r.cpuMeanMs.toFixed(0),
      r.cpuMeanMs === null || !floor.cpuMeanMs ? '' : (r.cpuMeanMs / floor.cpuMeanMs).toFixed(2),
      r.peakMiB.toFixed(1),
      tw ? tw.medianMs.toFixed(0) : '',
      tw ? (tw.medianMs / r.medianMs).toFixed(1) : '',
      r.loadAverage.toFixed(1),
    ]);
  }
  for (const r of results.filter((x) => x.name === 'daily view SQL')) rows.push(['daily view SQL (in process)', label(r.size), r.medianMs.toFixed(1), '', '', '', '', '', '', '']);
  const widths = head.map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => row.map((v, i) => (i < 2 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function checkTargets(results) {
  const targets = [];
  const find = (name, size) => results.find((r) => r.name === name && r.size === size);
  const floorOf = (size) => find('node -e 0', size) ?? find('node -e 0', null);
  const versus = (name, size, limit, label_) => {
    const r = find(name, size);
    if (!r) return;
    const x = ratio(r, floorOf(size));
    targets.push({ target: `${label_} ≤ ${limit} × node -e 0`, measured: `${x.toFixed(2)} × (${r.medianMs} / ${floorOf(size).medianMs} ms)`, pass: x <= limit });
  };
  versus('tasks --version', null, TARGETS.versionRatio, 'tasks --version');
  versus('tasks due', 100_000, TARGETS.dueRatio100k, 'tasks due at 100k');
  versus('tasks due', 1_000_000, TARGETS.dueRatio1m, 'tasks due at 1M');
  for (const name of ['tasks add', 'tasks done', 'tasks progress', 'tasks extend']) versus(name, 100_000, TARGETS.writeRatio100k, `${name} at 100k`);
  versus('tasks digest', 100_000, TARGETS.digestRatio100k, 'tasks digest (terminal) at 100k');
  const due100k = find('tasks due', 100_000);
  if (due100k) targets.push({ target: `tasks due at 100k: peak ≤ ${TARGETS.dueMiB100k} MiB`, measured: `${due100k.peakMiB} MiB`, pass: due100k.peakMiB <= TARGETS.dueMiB100k });
  for (const [size, limit] of [[100_000, TARGETS.sqlMs100k], [1_000_000, TARGETS.sqlMs1m]]) {
    const r = find('daily view SQL', size);
    if (r) targets.push({ target: `the daily view's SQL at ${label(size)} ≤ ${limit} ms`, measured: `${r.medianMs} ms`, pass: r.medianMs <= limit });
  }
  for (const size of [100_000, 10_000]) {
    const tw = results.find((r) => r.name.startsWith('task ') && r.size === size);
    const due = find('tasks due', size);
    if (!tw || !due) continue;
    const x = tw.medianMs / due.medianMs;
    targets.push({ target: `tasks due ≥ ${TARGETS.taskwarriorRatio} × faster than Taskwarrior at ${label(size)}`, measured: `${x.toFixed(1)} × (${tw.medianMs} / ${due.medianMs} ms)`, pass: x >= TARGETS.taskwarriorRatio });
    break;
  }
  return targets;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const runner = options.runner === 'auto' ? (which('hyperfine') ? 'hyperfine' : 'node') : options.runner;
  if (runner === 'hyperfine' && !which('hyperfine')) throw new Error('hyperfine is not installed (apt-get install -y hyperfine), or use --runner node');
  const env = benchEnv(options.inheritEnv);
  const taskwarrior = options.taskwarrior && taskwarriorBinary();
  fs.mkdirSync(path.join(BENCH_DIR, 'work'), { recursive: true });
  const loadAtStart = os.loadavg().map((x) => round(x));
  process.stderr.write(`runner ${runner}, ${options.runs} runs after ${options.warmup} warm-ups, ${options.inheritEnv ? "the caller's" : 'a clean'} environment, load ${loadAtStart.join(' ')}\n`);
  if (!taskwarrior) process.stderr.write(`Taskwarrior ${options.taskwarrior ? 'is not installed (apt-get install -y taskwarrior)' : 'left out (--no-taskwarrior)'}: no comparison\n`);

  const floor = (size) => ({ name: 'node -e 0', size, argv: [process.execPath, '-e', '0'], prepare: null });
  const results = [];
  results.push(measure(floor(null), options, env, runner));
  results.push(measure({ name: 'tasks --version', size: null, argv: [process.execPath, BIN, '--version'], prepare: null }, options, env, runner));

  for (const size of [...options.sizes].sort((a, b) => a - b)) {
    const cached = seededDatabase(size, options.reseed);
    const read = workingCopy(cached, `read-${label(size)}.db`);
    const write = workingCopy(cached, `write-${label(size)}.db`);
    // Opening once applies any migration newer than the cache and sets WAL mode, untimed.
    for (const db of [read, write]) runOnce([process.execPath, BIN, '--db', db, '--today', AS_OF, 'info'], env);
    const target = writeTargets(write);
    const cases = [
      // The floor again beside each size's commands: the machine's load moves between groups.
      floor(size),
      tasksCase('tasks due', size, read, ['due']),
      tasksCase(`tasks list --unit ${LIST_UNIT} --json`, size, read, ['list', '--unit', LIST_UNIT, '--json']),
      tasksCase('tasks digest', size, read, ['digest', '--month', AS_OF.slice(0, 7)]),
      tasksCase('tasks add', size, write, ['add', 'Rà soát, báo cáo tiến độ thực hiện kết luận (đo hiệu năng)', '--unit', 'VP', '--coord', 'KHTC', '--due', '2026-12-31', '--source', '1/TB-SNNMT']),
      tasksCase('tasks done', size, write, ['done', String(target.done), '--evidence', '99/BC-VP'], [process.execPath, path.join(HERE, 'reopen.mjs'), write, String(target.done)]),
      tasksCase('tasks progress', size, write, ['progress', String(target.extend), 'Đã tổ chức họp triển khai (đo hiệu năng)']),
      tasksCase('tasks extend', size, write, ['extend', String(target.extend), '--to', '2027-06-30', '--reason', 'Chờ ý kiến của UBND tỉnh (đo hiệu năng)'], [process.execPath, path.join(HERE, 'unextend.mjs'), write, String(target.extend)]),
    ];
    for (const c of cases) results.push(measure(c, options, env, runner));
    results.push({ name: 'daily view SQL', size, medianMs: dailyViewSql(read, env, 7), loadAverage: round(os.loadavg()[0]) });
    process.stderr.write(`  ${"the daily view's SQL".padEnd(40)} ${label(size).padStart(5)}  ${String(results.at(-1).medianMs).padStart(7)} ms\n`);
    if (taskwarrior && size <= TASKWARRIOR_MAX) {
      const dir = taskwarriorData(cached, AS_OF, path.join(BENCH_DIR, 'cache'), (line) => process.stderr.write(line));
      results.push(measure({ name: 'task due.before:today+8d list', size, argv: [taskwarrior, ...TASK_OVERRIDES, 'due.before:today+8d', 'list'], prepare: null, env: taskwarriorEnv(dir) }, options, env, runner));
    }
  }

  const targets = checkTargets(results);
  const report = {
    at: new Date().toISOString(),
    machine: { loadAverage: { start: loadAtStart, end: os.loadavg().map((x) => round(x)) }, node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '' },
    runner,
    bin: path.relative(ROOT, BIN) || BIN,
    runs: options.runs,
    warmup: options.warmup,
    environment: options.inheritEnv ? 'inherited' : 'clean',
    asOf: AS_OF,
    results,
    targets,
  };
  const resultsFile = path.join(BENCH_DIR, options.out);
  fs.writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);

  process.stdout.write(`\nMedian wall time of ${options.runs} runs (${runner}) and its ratio to node -e 0 of the same group; mean CPU time (user + system) and its ratio, which a busy machine moves less; peak memory (max RSS); Node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAtStart[0]} at the start, ${round(os.loadavg()[0])} at the end\n\n`);
  process.stdout.write(`${table(results)}\n\n`);
  for (const t of targets) process.stdout.write(`${t.pass ? 'MET   ' : 'MISSED'}  ${t.target}: ${t.measured}\n`);
  process.stdout.write(`\nwritten to ${path.relative(process.cwd(), resultsFile)}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exitCode = 1;
}
