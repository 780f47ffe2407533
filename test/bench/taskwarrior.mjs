/**
 * The same tasks in Taskwarrior (2.6), for `npm run bench` to time `task due.before:today+8d
 * list` beside `tasks due`. Every task of a seeded tracker becomes one Taskwarrior task: open
 * ones pending, done ones completed (with their completion day), cancelled ones deleted; the lead
 * unit is the project, the text the description.
 *
 * Taskwarrior has no "as of" day: it reads the clock. The dates are moved by the days between
 * the bench's as-of day and today, so that "due before today + 8 days" picks the tasks that
 * `tasks due --today AS_OF` (overdue and due within 7 days) does. The data folder is cached
 * beside the seeded file, keyed by today's date.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';

const DAY_MS = 86_400_000;

export function taskwarriorBinary() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, 'task');
    if (dir && fs.existsSync(file)) return file;
  }
  return null;
}

/**
 * The settings every bench run of Taskwarrior gets: no hooks, no colour, no prompts. Its garbage
 * collection stays on, as users run it: with rc.gc=off it reads completed.data too and takes about
 * twice as long.
 */
export const TASK_OVERRIDES = ['rc.verbose=nothing', 'rc.hooks=off', 'rc.color=off', 'rc.confirmation=off'];

export function taskwarriorEnv(dir) {
  return { TASKRC: path.join(dir, 'taskrc'), TASKDATA: path.join(dir, 'data') };
}

function stamp(iso, shiftDays) {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) + shiftDays * DAY_MS + 2 * 3600_000);
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** A Taskwarrior data folder holding the tasks of `db`, made once per seeded file and day. */
export function taskwarriorData(db, asOf, cacheDir, log = () => {}) {
  const today = new Date().toISOString().slice(0, 10);
  const shift = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`)) / DAY_MS);
  const key = crypto.createHash('sha256').update(`${path.basename(db)}|${fs.statSync(db).size}|${today}`).digest('hex').slice(0, 10);
  const dir = path.join(cacheDir, `taskwarrior-${path.basename(db, '.db')}-${key}`);
  if (fs.existsSync(path.join(dir, 'complete'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'taskrc'), `data.location=${path.join(dir, 'data')}\nconfirmation=off\nverbose=nothing\nhooks=off\nnews.version=2.6.2\n`);

  const handle = new Sqlite(db, { readonly: true });
  const rows = handle
    .prepare(
      `select t.id, t.text, t.due_on, t.assigned_on, t.completed_on, t.cancelled_on, t.ongoing, u.code
       from task t left join unit u on u.id = t.lead_unit_id order by t.id`,
    )
    .all();
  handle.close();
  const started = Date.now();
  // Imported in files of 10 000: one JSON array per `task import`.
  for (let i = 0; i < rows.length; i += 10_000) {
    const file = path.join(dir, 'import.json');
    const items = rows.slice(i, i + 10_000).map((r) => {
      const item = {
        uuid: crypto.createHash('md5').update(`tasks-bench-${r.id}`).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
        description: r.text,
        entry: stamp(r.assigned_on, shift),
        status: r.cancelled_on ? 'deleted' : r.completed_on ? 'completed' : 'pending',
      };
      if (r.code) item.project = r.code;
      if (r.due_on && !r.ongoing) item.due = stamp(r.due_on, shift);
      if (r.completed_on) item.end = stamp(r.completed_on, shift);
      else if (r.cancelled_on) item.end = stamp(r.cancelled_on, shift);
      return item;
    });
    fs.writeFileSync(file, JSON.stringify(items));
    // It names every task it adds on stdout: far more than spawnSync's buffer at 10 000 a file.
    const result = spawnSync('task', [...TASK_OVERRIDES, 'import', file], { env: { ...process.env, ...taskwarriorEnv(dir) }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`task import failed (${result.status ?? result.error?.message}): ${result.stderr}`);
    log(`  taskwarrior: ${Math.min(i + 10_000, rows.length)} of ${rows.length} imported (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  fs.rmSync(path.join(dir, 'import.json'), { force: true });
  fs.writeFileSync(path.join(dir, 'complete'), `${rows.length} tasks, dates moved by ${shift} days\n`);
  return dir;
}
