// Times `tasks digest` on a tracker of 100,000 tasks (issue 5: within 500 ms wall for json and md).
// Seeds its own database straight through SQLite (a fixed pseudo-random sequence, so every run
// sees the same data), then runs the built CLI as a user would and reports the median of 7 runs.
// Usage: npm run bench:digest [-- --tasks 100000 --runs 7]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';

const root = path.resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const TASKS = option('tasks', 100_000);
const RUNS = option('runs', 7);
const LIMIT_MS = 500;
const dir = path.join(root, '.bench');
const db = path.join(dir, `digest-${TASKS}.db`);
const env = { ...process.env, TASKS_DB: db, TASKS_TODAY: '2026-12-03', NO_COLOR: '1' };
const bin = path.join(root, 'bin/tasks.js');

function tasks(cliArgs) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...cliArgs], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`tasks ${cliArgs.join(' ')}: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

/** A small linear congruential generator: the same numbers on every machine. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function iso(day0, offset) {
  return new Date(Date.UTC(2024, 0, 1) + (day0 + offset) * 86_400_000).toISOString().slice(0, 10);
}

function seed() {
  fs.mkdirSync(dir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
  tasks(['unit', 'import', path.join(root, 'data/units-sample.json')]);
  const sql = new Sqlite(db);
  const units = sql.prepare('select id from unit').all().map((r) => r.id);
  const next = random(20261122);
  const stamp = '2026-11-22T00:00:00.000Z';
  const insertTask = sql.prepare(`insert into task (text, text_folded, lead_unit_id, ongoing, original_due_on, due_on, last_extended_on, assigned_on, completed_on, cancelled_on, cancel_reason, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertExtension = sql.prepare('insert into extension (task_id, from_on, to_on, reason, granted_on, author, created_at) values (?, ?, ?, ?, ?, ?, ?)');
  const insertNote = sql.prepare('insert into progress_note (task_id, noted_on, note, author, created_at) values (?, ?, ?, ?, ?)');
  const last = 1067; // days from 2024-01-01 to 2026-12-03
  sql.transaction(() => {
    for (let i = 0; i < TASKS; i++) {
      const assigned = Math.floor(next() * last);
      const ongoing = next() < 0.03;
      const due = ongoing ? null : iso(assigned, 7 + Math.floor(next() * 90));
      let dueInForce = due;
      let extendedOn = null;
      const extend = !ongoing && next() < 0.06;
      if (extend) {
        extendedOn = iso(assigned, 3);
        dueInForce = iso(assigned, 120 + Math.floor(next() * 30));
      }
      // As in a working tracker: old tasks are nearly all closed, recent ones often still open.
      const roll = next();
      const old = assigned < last - 150;
      const doneOn = !ongoing && roll < (old ? 0.97 : 0.6) ? iso(assigned, 2 + Math.floor(next() * 120)) : null;
      const completed = doneOn && doneOn <= '2026-12-03' ? doneOn : null;
      const cancelled = !completed && roll > 0.985 ? iso(assigned, 5) : null;
      const text = `Nhiệm vụ thử số ${i + 1} về cải cách hành chính`;
      const { lastInsertRowid } = insertTask.run(text, text.toLowerCase(), units[i % units.length], ongoing ? 1 : 0, due, dueInForce, extendedOn, iso(assigned, 0), completed, cancelled, cancelled ? 'Lồng ghép' : null, stamp, stamp);
      if (extend) insertExtension.run(lastInsertRowid, due, dueInForce, 'Chờ ý kiến', extendedOn, 'bench', stamp);
      if (next() < 0.15) insertNote.run(lastInsertRowid, iso(assigned, 1), 'Đang triển khai', 'bench', stamp);
    }
  })();
  sql.close();
}

if (!fs.existsSync(db)) {
  const started = Date.now();
  seed();
  console.log(`seeded ${TASKS} tasks in ${Date.now() - started} ms: ${db}`);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let failed = 0;
for (const format of ['json', 'md']) {
  tasks(['digest', '--month', '2026-11', '--format', format]); // warm the page cache
  const times = Array.from({ length: RUNS }, () => tasks(['digest', '--month', '2026-11', '--format', format]).ms);
  const m = median(times);
  const ok = m <= LIMIT_MS;
  if (!ok) failed += 1;
  console.log(`digest --format ${format.padEnd(4)} ${TASKS} tasks: median ${m.toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}) ${ok ? 'ok' : `OVER ${LIMIT_MS} ms`}`);
}
process.exitCode = failed ? 1 : 0;
