#!/usr/bin/env node
/**
 * Fills a tasks database with N realistic tasks for the benchmark:
 *
 *   npm run bench:seed -- --tasks 100000 --db .bench/100k.db [--seed 2026] [--force]
 *
 * The same --tasks and --seed always give the same database (a seeded generator, no
 * Math.random, a fixed as-of day). The schema, the units and the recurring series are made by
 * the real CLI (`init`, `unit import`, `add --every`), so they are exactly what users get; the
 * bulk of the tasks is written straight into SQLite in one transaction, which takes seconds
 * where 100 000 `tasks add` would take hours.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { ACTIONS, CANCEL_REASONS, EXTENSION_REASONS, NOTES, OWNER_TEXTS, SCOPES, SOURCE_KINDS, SUBJECTS } from './texts.mjs';
import { UNITS, unitFile } from './units.mjs';

export const AS_OF = '2026-11-20';
/** Three years of the Director's conclusions before the as-of day. */
const FIRST_SOURCE_ON = '2023-11-01';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'tasks.js');

// ---------------------------------------------------------------- deterministic randomness

/** A small xorshift generator: 32 bits of state mixed from the seed, floats in [0, 1). */
export function generator(seed) {
  let state = (seed ^ 0x5bd1e995) >>> 0 || 1;
  for (let i = 0; i < 8; i++) state = step(state);
  function step(x) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  }
  const next = () => (state = step(state)) / 4294967296;
  return {
    next,
    /** Whole number in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    weighted(list) {
      const total = list.reduce((sum, item) => sum + item.weight, 0);
      let r = next() * total;
      for (const item of list) if ((r -= item.weight) < 0) return item;
      return list[list.length - 1];
    },
  };
}

// ---------------------------------------------------------------- calendar days as numbers

const DAY_MS = 86_400_000;
const dayOf = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
const isoCache = new Map();
const isoOf = (day) => {
  let iso = isoCache.get(day);
  if (iso === undefined) isoCache.set(day, (iso = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return iso;
};
const TODAY = dayOf(AS_OF);
const FIRST = dayOf(FIRST_SOURCE_ON);

/** Case-folded and without diacritics, the way the tracker stores text for search. */
const foldCache = new Map();
function fold(text) {
  let folded = foldCache.get(text);
  if (folded === undefined) {
    folded = text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
    foldCache.set(text, folded);
  }
  return folded;
}

// ---------------------------------------------------------------- command line

function parseArgs(argv) {
  const out = { tasks: NaN, db: '', seed: 2026, force: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--tasks') out.tasks = Number(argv[++i]);
    else if (arg === '--db') out.db = argv[++i] ?? '';
    else if (arg === '--seed') out.seed = Number(argv[++i]);
    else if (arg === '--force') out.force = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(out.tasks) || out.tasks < 1 || out.tasks > 5_000_000) throw new Error('--tasks takes a whole number from 1 to 5000000');
  if (!out.db) throw new Error('--db FILE is required');
  if (!Number.isInteger(out.seed)) throw new Error('--seed takes a whole number');
  return out;
}

function cli(db, args) {
  const result = spawnSync(process.execPath, [BIN, '--db', db, '--today', AS_OF, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TASKS_USER: 'bench.seed' },
  });
  if (result.status !== 0) throw new Error(`tasks ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

// ---------------------------------------------------------------- the generator

/**
 * Writes `count` tasks with their sources, directives, coordinating units, extensions,
 * progress notes and audit entries. Returns a tally by the bucket each task is in on AS_OF.
 */
function writeTasks(handle, firstId, count, rand, unitIds) {
  const insert = {
    source: handle.prepare('insert into source (kind, number, issued_on, issuer, summary, meeting_on, chair, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)'),
    directive: handle.prepare('insert into directive (source_id, ordinal, text) values (?, ?, ?)'),
    task: handle.prepare(`insert into task (id, text, text_folded, lead_unit_id, owner_text, ongoing, original_due_on, due_on, last_extended_on,
      assigned_on, completed_on, evidence, completion_note, cancelled_on, cancel_reason, source_id, directive_id, series_id, period, created_at, updated_at)
      values (@id, @text, @text_folded, @lead_unit_id, @owner_text, @ongoing, @original_due_on, @due_on, @last_extended_on,
      @assigned_on, @completed_on, @evidence, @completion_note, @cancelled_on, @cancel_reason, @source_id, @directive_id, null, null, @created_at, @updated_at)`),
    coordinator: handle.prepare('insert into task_coordinator (task_id, unit_id) values (?, ?)'),
    extension: handle.prepare('insert into extension (task_id, from_on, to_on, reason, granted_on, author, created_at) values (?, ?, ?, ?, ?, ?, ?)'),
    note: handle.prepare('insert into progress_note (task_id, noted_on, note, author, created_at) values (?, ?, ?, ?, ?)'),
    audit: handle.prepare('insert into audit_event (at, actor, action, task_id, unit_id, detail) values (?, ?, ?, ?, ?, ?)'),
  };
  const tally = {};
  const count1 = (bucket) => (tally[bucket] = (tally[bucket] ?? 0) + 1);
  const stamp = (day, hour = 2) => `${isoOf(day)}T${String(hour).padStart(2, '0')}:${String(rand.int(0, 59)).padStart(2, '0')}:00.000Z`;
  const audit = (day, action, taskId, detail) => insert.audit.run(stamp(day, 8), 'chuyenvien.vp', action, taskId, null, JSON.stringify({ ...detail, asOf: isoOf(day) }));
  const actorOf = (unit) => `truongphong.${unit.code.toLowerCase()}`;

  let sourceSeq = 0;
  let id = firstId - 1;
  const lastId = firstId + count - 1;
  while (id < lastId) {
    // Most tasks come from a conclusion that hands several of them out at once.
    const fromSource = rand.chance(0.85);
    let sourceId = null;
    let sourceDay = null;
    let batch = 1;
    if (fromSource) {
      const kind = rand.weighted(SOURCE_KINDS);
      sourceDay = rand.int(FIRST, TODAY);
      const meetingDay = kind.kind === 'TB' ? sourceDay - rand.int(1, 5) : null;
      sourceSeq++;
      sourceId = Number(
        insert.source.run(kind.kind, `${sourceSeq}/${kind.kind}-SNNMT`, isoOf(sourceDay), 'Giám đốc Sở', `${kind.summary} số ${sourceSeq}`,
          meetingDay === null ? null : isoOf(meetingDay), meetingDay === null ? null : 'Giám đốc Sở', stamp(sourceDay)).lastInsertRowid,
      );
      batch = rand.int(3, 14);
    }
    for (let ordinal = 1; ordinal <= batch && id < lastId; ordinal++) {
      id++;
      const unit = rand.weighted(UNITS);
      const year = 2023 + rand.int(0, 4);
      const text = `${rand.pick(ACTIONS)} ${rand.pick(SUBJECTS).replace('{year}', year).replace('{quarter}', rand.pick(['I', 'II', 'III', 'IV']))}${rand.pick(SCOPES)}`;
      const assigned = sourceDay ?? rand.int(FIRST, TODAY);
      const directiveId = sourceId === null ? null : Number(insert.directive.run(sourceId, String(ordinal), text).lastInsertRowid);
      const row = {
        id,
        text,
        text_folded: fold(text),
        lead_unit_id: unitIds.get(unit.code),
        owner_text: null,
        ongoing: 0,
        original_due_on: null,
        due_on: null,
        last_extended_on: null,
        assigned_on: isoOf(assigned),
        completed_on: null,
        evidence: null,
        completion_note: null,
        cancelled_on: null,
        cancel_reason: null,
        source_id: sourceId,
        directive_id: directiveId,
        created_at: stamp(assigned),
        updated_at: stamp(assigned),
      };
      const kind = rand.next();
      let due = null;
      let completed = null;
      let cancelled = null;
      const extensions = [];
      if (kind < 0.015) {
        // Thường xuyên: no deadline, seldom closed.
        row.ongoing = 1;
        if (rand.chance(0.1)) completed = rand.int(assigned, TODAY);
      } else if (kind < 0.018) {
        // Due date not settled yet.
      } else {
        if (kind < 0.02) {
          // The conclusion named a body that is not one of the units.
          row.lead_unit_id = null;
          row.owner_text = rand.pick(OWNER_TEXTS);
        }
        // Most deadlines fall within two months of the assignment, a few much later.
        const delay = rand.chance(0.8) ? rand.int(7, 60) : rand.int(61, 180);
        const original = assigned + delay;
        row.original_due_on = isoOf(original);
        due = original;
        // Extensions are granted on or before the due date they replace, never after the as-of day.
        if (row.lead_unit_id !== null && rand.chance(0.04)) {
          let from = original;
          let granted = assigned;
          for (let n = 0; n < (rand.chance(0.25) ? 2 : 1); n++) {
            const latest = Math.min(from, TODAY);
            if (latest < granted) break;
            granted = rand.int(Math.max(granted, latest - 20), latest);
            const to = from + rand.int(15, 60);
            extensions.push([id, isoOf(from), isoOf(to), rand.pick(EXTENSION_REASONS), isoOf(granted), 'chuyenvien.vp', stamp(granted, 3)]);
            row.last_extended_on = isoOf(granted);
            from = to;
          }
          due = from;
        }
        row.due_on = isoOf(due);
        const cancel = rand.next();
        if (due < TODAY) {
          // The office chases recent deadlines hardest; old open tasks are rare.
          const stillOpen = 0.01 + 0.2 * Math.exp(-(TODAY - due) / 45);
          const late = rand.chance(0.15);
          if (cancel < 0.01) cancelled = rand.int(assigned, Math.min(TODAY, due + 30));
          else if (!rand.chance(stillOpen)) completed = late ? due + rand.int(1, 60) : rand.int(Math.max(assigned, due - 20), due);
          if (completed !== null && completed > TODAY) completed = null;
        } else if (cancel < 0.005) {
          cancelled = rand.int(assigned, TODAY);
        } else if (rand.chance(0.25)) {
          completed = rand.int(assigned, TODAY);
        }
      }
      if (completed !== null) {
        row.completed_on = isoOf(completed);
        row.evidence = `${rand.int(1, 999)}/BC-${unit.code}`;
        if (rand.chance(0.2)) row.completion_note = rand.pick(NOTES);
        row.updated_at = stamp(completed, 9);
      }
      if (cancelled !== null) {
        row.cancelled_on = isoOf(cancelled);
        row.cancel_reason = rand.pick(CANCEL_REASONS);
        row.updated_at = stamp(cancelled, 9);
      }
      insert.task.run(row);
      audit(assigned, 'task.add', id, { text, lead: row.lead_unit_id === null ? null : unit.code, due: row.original_due_on });
      for (const extension of extensions) {
        insert.extension.run(...extension);
        audit(dayOf(extension[4]), 'task.extend', id, { from: extension[1], to: extension[2] });
      }
      if (completed !== null) audit(completed, 'task.done', id, { completedOn: row.completed_on, evidence: row.evidence });
      if (cancelled !== null) audit(cancelled, 'task.cancel', id, { reason: row.cancel_reason });

      if (rand.chance(0.3)) {
        const coordinators = new Set();
        for (let n = rand.int(1, 3); n > 0; n--) coordinators.add(rand.weighted(UNITS).code);
        coordinators.delete(unit.code);
        for (const code of coordinators) insert.coordinator.run(id, unitIds.get(code));
      }
      if (rand.chance(0.12)) {
        const end = Math.min(completed ?? cancelled ?? TODAY, TODAY);
        for (let n = rand.int(1, 2); n > 0; n--) {
          const on = rand.int(assigned, Math.max(assigned, end));
          insert.note.run(id, isoOf(on), rand.pick(NOTES), actorOf(unit), stamp(on, 4));
        }
      }

      const bucket =
        cancelled !== null ? 'cancelled'
        : completed !== null ? (due === null || completed <= due ? 'done_on_time' : 'done_late')
        : row.ongoing ? 'ongoing'
        : due === null ? 'undated'
        : due < TODAY ? 'open_overdue'
        : 'open_in_term';
      count1(bucket);
    }
  }
  return { tally, sources: sourceSeq };
}

/**
 * Recurring reports ("báo cáo định kỳ"), added through the CLI so the occurrences up to the
 * as-of day are the tracker's own (a group as --unit makes one series per member unit); the old
 * occurrences are then marked done. Bigger databases get more of them.
 */
function addSeries(db, tasks) {
  const series = [
    { min: 500, text: 'Báo cáo tình hình thực hiện nhiệm vụ tháng', unit: 'VP', every: 'month', day: '25', issued: '2025-01-06' },
    { min: 5_000, text: 'Báo cáo kết quả công tác quý', unit: 'các chi cục', every: 'quarter', day: '20', issued: '2024-01-08' },
    { min: 50_000, text: 'Báo cáo tiến độ giải ngân vốn đầu tư công tháng', unit: 'các đơn vị thuộc Sở', every: 'month', day: '15', issued: '2025-01-06' },
  ];
  let added = 0;
  for (const [i, s] of series.entries()) {
    if (tasks < s.min) continue;
    cli(db, ['add', s.text, '--unit', s.unit, '--every', s.every, '--day', s.day, '--source', `${i + 1}/KHĐK-SNNMT`, '--issued', s.issued, '--json']);
    added++;
  }
  return added;
}

/** Most periodic reports arrive on time; the odd one is late or still missing. */
function completeOccurrences(handle, rand) {
  const occurrences = handle.prepare('select id, due_on from task where series_id is not null and due_on < ? order by id').all(AS_OF);
  const done = handle.prepare('update task set completed_on = ?, evidence = ? where id = ?');
  for (const o of occurrences) {
    if (rand.chance(0.04)) continue;
    const due = dayOf(o.due_on);
    const on = Math.min(rand.chance(0.85) ? due - rand.int(0, 5) : due + rand.int(1, 10), TODAY);
    done.run(isoOf(on), `${rand.int(1, 999)}/BC-ĐK`, o.id);
  }
}

export function seed({ tasks, db, seed: seedValue, force }) {
  // A URL would become a file named "postgres:/…": seed a file, then `tasks db copy` it over.
  if (/^postgres(ql)?:\/\//i.test(db)) throw new Error('the seed writes a SQLite file; copy it to PostgreSQL with tasks db copy');
  const started = process.hrtime.bigint();
  if (fs.existsSync(db)) {
    if (!force) throw new Error(`${db} already exists (add --force to replace it)`);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
  }
  fs.mkdirSync(path.dirname(path.resolve(db)), { recursive: true });
  const rand = generator(seedValue);
  const unitsJson = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-seed-')), 'units.json');
  fs.writeFileSync(unitsJson, JSON.stringify(unitFile(), null, 2));
  cli(db, ['init']);
  cli(db, ['unit', 'import', unitsJson]);
  fs.rmSync(path.dirname(unitsJson), { recursive: true, force: true });

  const seriesAdds = addSeries(db, tasks);

  const handle = new Sqlite(db);
  // One big transaction on a file nobody else has open: no journal to write twice, a large
  // page cache; the CLI puts the file back in WAL mode the next time it opens it.
  handle.pragma('journal_mode = DELETE');
  handle.pragma('synchronous = OFF');
  handle.pragma('cache_size = -262144');
  // Checked once at the end instead of on every row.
  handle.pragma('foreign_keys = OFF');
  const unitIds = new Map(handle.prepare('select code, id from unit').all().map((u) => [u.code, u.id]));
  const occurrences = handle.prepare('select count(*) as n, coalesce(max(id), 0) as last from task').get();
  const bulk = Math.max(0, tasks - occurrences.n);
  const { tally, sources } = handle.transaction(() => {
    completeOccurrences(handle, rand);
    return writeTasks(handle, occurrences.last + 1, bulk, rand, unitIds);
  })();
  const broken = handle.pragma('foreign_key_check');
  if (broken.length) throw new Error(`generator bug: ${broken.length} rows break a foreign key, e.g. ${JSON.stringify(broken[0])}`);
  const total = handle.prepare('select count(*) as n from task').get().n;
  handle.pragma('journal_mode = WAL');
  handle.close();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { db, tasks: total, bulk, sources, series: seriesAdds, occurrences: occurrences.n, buckets: tally, ms: Math.round(ms) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const summary = seed(parseArgs(process.argv.slice(2)));
    process.stderr.write(
      `seeded ${summary.db}: ${summary.tasks} tasks (${summary.sources} sources, ${summary.series} recurring directives) in ${(summary.ms / 1000).toFixed(1)} s\n` +
        `bulk tasks by bucket on ${AS_OF}: ${Object.entries(summary.buckets).map(([k, v]) => `${k} ${v}`).join(', ')}\n`,
    );
  } catch (error) {
    process.stderr.write(`bench:seed: ${error.message}\n`);
    process.exitCode = 1;
  }
}
