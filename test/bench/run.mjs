#!/usr/bin/env node
/**
 * `npm run bench`: times the built CLI on seeded databases of 1k, 10k and 100k tasks and checks
 * the targets of issue 2. See docs/bench.md for what each figure means.
 *
 *   npm run bench -- [--sizes 1000,10000,100000] [--runs 15] [--warmup 2]
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

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
let BIN = path.join(ROOT, 'bin', 'tasks.js');
const BENCH_DIR = path.join(ROOT, '.bench');
const LIST_UNIT = 'KHTC';
const MEMORY_RUNS = 3;

const TARGETS = {
  dueMs: 120,
  dueMiB: 80,
  versionRatio: 1.3,
};

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const out = { sizes: [1_000, 10_000, 100_000], runs: 15, warmup: 2, runner: 'auto', inheritEnv: false, reseed: false, out: 'results.json' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--sizes') out.sizes = argv[++i].split(',').map((s) => Number(s.replace(/k$/i, '000')));
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
  if (out.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes task counts, e.g. 1000,10000,100000');
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

const label = (n) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
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

/** Tasks the bench can complete: open, dated and with a lead unit on the as-of day. */
function openTaskId(db) {
  const handle = new Sqlite(db, { readonly: true });
  const row = handle
    .prepare(
      `select id from task where completed_on is null and cancelled_on is null and ongoing = 0
       and lead_unit_id is not null and due_on is not null and assigned_on <= ? order by id limit 1`,
    )
    .get(AS_OF);
  handle.close();
  if (!row) throw new Error(`no open task in ${db}`);
  return row.id;
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
  const times = runner === 'hyperfine' ? timeWithHyperfine(c, options, env) : timeWithNode(c, options, env);
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
    peakMiB: round(peakMemory(c, env)),
  };
  process.stderr.write(`  ${c.name.padEnd(30)} ${(c.size === null ? '' : label(c.size)).padStart(5)}  ${String(result.medianMs).padStart(7)} ms  ${String(result.peakMiB).padStart(6)} MiB${result.cpuMeanMs === null ? '' : `  (cpu ${result.cpuMeanMs} ms)`}\n`);
  return result;
}

const round = (x) => Math.round(x * 10) / 10;

// ---------------------------------------------------------------- report

function table(results, sizes) {
  const rows = [];
  const cell = (r) => (r ? `${r.medianMs.toFixed(1)} ms / ${r.peakMiB.toFixed(1)} MiB${r.cpuMeanMs === null ? '' : ` (cpu ${r.cpuMeanMs.toFixed(0)})`}` : '');
  const names = [...new Set(results.map((r) => r.name))];
  const head = ['command', ...sizes.map(label)];
  rows.push(head);
  for (const name of names) {
    const fixed = results.find((r) => r.name === name && r.size === null);
    rows.push([name, ...sizes.map((s, i) => (fixed ? (i === 0 ? cell(fixed) : '〃') : cell(results.find((r) => r.name === name && r.size === s))))]);
  }
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) => r.map((v, i) => v.padEnd(widths[i])).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function checkTargets(results, sizes) {
  const largest = Math.max(...sizes);
  const due = results.find((r) => r.name === 'tasks due' && r.size === largest);
  const version = results.find((r) => r.name === 'tasks --version');
  const baseline = results.find((r) => r.name === 'node -e 0');
  const targets = [];
  if (largest === 100_000 && due) {
    targets.push({ target: `tasks due on 100k: median ≤ ${TARGETS.dueMs} ms`, measured: `${due.medianMs} ms`, pass: due.medianMs <= TARGETS.dueMs });
    targets.push({ target: `tasks due on 100k: peak ≤ ${TARGETS.dueMiB} MiB`, measured: `${due.peakMiB} MiB`, pass: due.peakMiB <= TARGETS.dueMiB });
  }
  const ratio = round((version.medianMs / baseline.medianMs) * 100) / 100;
  targets.push({ target: `tasks --version ≤ ${TARGETS.versionRatio} × node -e 0`, measured: `${ratio.toFixed(2)} × (${version.medianMs} / ${baseline.medianMs} ms)`, pass: ratio <= TARGETS.versionRatio });
  return targets;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const runner = options.runner === 'auto' ? (which('hyperfine') ? 'hyperfine' : 'node') : options.runner;
  if (runner === 'hyperfine' && !which('hyperfine')) throw new Error('hyperfine is not installed (apt-get install -y hyperfine), or use --runner node');
  const env = benchEnv(options.inheritEnv);
  fs.mkdirSync(path.join(BENCH_DIR, 'work'), { recursive: true });
  process.stderr.write(`runner ${runner}, ${options.runs} runs after ${options.warmup} warm-ups, ${options.inheritEnv ? "the caller's" : 'a clean'} environment\n`);

  const results = [];
  results.push(measure({ name: 'node -e 0', size: null, argv: [process.execPath, '-e', '0'], prepare: null }, options, env, runner));
  results.push(measure({ name: 'tasks --version', size: null, argv: [process.execPath, BIN, '--version'], prepare: null }, options, env, runner));

  for (const size of options.sizes) {
    const cached = seededDatabase(size, options.reseed);
    const read = workingCopy(cached, `read-${label(size)}.db`);
    const write = workingCopy(cached, `write-${label(size)}.db`);
    // Opening once applies any migration newer than the cache and sets WAL mode, untimed.
    for (const db of [read, write]) runOnce([process.execPath, BIN, '--db', db, '--today', AS_OF, 'info'], env);
    const doneId = openTaskId(write);
    const cases = [
      tasksCase('tasks due', size, read, ['due']),
      tasksCase(`tasks list --unit ${LIST_UNIT} --json`, size, read, ['list', '--unit', LIST_UNIT, '--json']),
      tasksCase('tasks add', size, write, ['add', 'Rà soát, báo cáo tiến độ thực hiện kết luận (đo hiệu năng)', '--unit', 'VP', '--coord', 'KHTC', '--due', '2026-12-31', '--source', '1/TB-SNNMT']),
      tasksCase('tasks done', size, write, ['done', String(doneId), '--evidence', '99/BC-VP'], [process.execPath, path.join(HERE, 'reopen.mjs'), write, String(doneId)]),
    ];
    for (const c of cases) results.push(measure(c, options, env, runner));
  }

  const targets = checkTargets(results, options.sizes);
  const report = {
    at: new Date().toISOString(),
    machine: { loadAverage: os.loadavg().map((x) => round(x)), node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '' },
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

  process.stdout.write(`\nMedian wall time / peak memory (max RSS) (mean CPU time, user + system), ${options.runs} runs, ${runner}, Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}\n\n`);
  process.stdout.write(`${table(results, options.sizes)}\n\n`);
  for (const t of targets) process.stdout.write(`${t.pass ? 'PASS' : 'FAIL'}  ${t.target}: ${t.measured}\n`);
  process.stdout.write(`\nwritten to ${path.relative(process.cwd(), resultsFile)}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`bench: ${error.message}\n`);
  process.exitCode = 1;
}
