/** What `tasks export` reads besides the tasks: each task's latest progress note, the database's identity. */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { IsoDate } from '../domain/dates.js';
import type { Period } from '../domain/recurrence.js';
import type { ExtensionRecord, SourceRef, Task, UnitRef } from '../domain/task.js';
import type { Db } from './database.js';
import { toExtension, toTask } from './task-row.js';

export interface LatestNote {
  on: IsoDate;
  note: string;
}

/** The last progress note, noted by the as-of day, of each task whose id is in (after, upTo]. */
export async function latestProgressNotes(db: Db, asOf: IsoDate, range: { after: number; upTo: number }): Promise<Map<number, LatestNote>> {
  const rows = await db
    .selectFrom('progress_note')
    .select(['task_id', 'noted_on', 'note', 'id'])
    .where('task_id', '>', range.after)
    .where('task_id', '<=', range.upTo)
    .where('noted_on', '<=', asOf)
    .execute();
  const out = new Map<number, LatestNote & { id: number }>();
  for (const r of rows) {
    const seen = out.get(r.task_id);
    if (!seen || r.noted_on > seen.on || (r.noted_on === seen.on && r.id > seen.id)) out.set(r.task_id, { on: r.noted_on, note: r.note, id: r.id });
  }
  return new Map([...out].map(([task, { on, note }]) => [task, { on, note }]));
}

export async function maxTaskId(db: Db): Promise<number> {
  const row = await db.selectFrom('task').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0);
}

/**
 * A short name for this database that stays the same wherever the file is copied or moved: a
 * hash of the moment it was first migrated. Calendar UIDs carry it, so two trackers' task 12
 * are different events and one tracker's task 12 is always the same one.
 */
export async function databaseIdentity(db: Db): Promise<string> {
  // Quoted: "timestamp" is a keyword in PostgreSQL.
  const result = await sql<{ earliest: string | null }>`select min(${sql.ref('timestamp')}) as ${sql.ref('earliest')} from ${sql.table('kysely_migration')}`.execute(db);
  const first = result.rows[0]?.earliest ?? 'tasks';
  return createHash('sha256').update(String(first)).digest('hex').slice(0, 12);
}

/** The small tables a page of tasks refers to, read once per export instead of joined on every row. */
export interface ExportLookups {
  units: Map<number, UnitRef & { position: number }>;
  sources: Map<number, SourceRef>;
  series: Map<number, Period>;
}

export async function loadExportLookups(db: Db): Promise<ExportLookups> {
  const [units, sources, series] = await Promise.all([
    db.selectFrom('unit').select(['id', 'code', 'name', 'position']).execute(),
    db.selectFrom('source').select(['id', 'kind', 'number', 'issued_on', 'meeting_on']).execute(),
    db.selectFrom('series').select(['id', 'every']).execute(),
  ]);
  return {
    units: new Map(units.map((u) => [u.id, { code: u.code, name: u.name, position: u.position }])),
    sources: new Map(sources.map((s) => [s.id, { id: s.id, kind: s.kind, number: s.number, issuedOn: s.issued_on, meetingOn: s.meeting_on }])),
    series: new Map(series.map((s) => [s.id, s.every as Period])),
  };
}

export interface ExportPage {
  range: { after: number; upTo: number };
  asOf: IsoDate;
  leadUnitIds?: number[];
}

/**
 * The tasks of one page of ids, as listTasks gives them, but with the task's own columns only:
 * units, sources and series come from the lookups. A row of 15 columns instead of 22 is what
 * lets 100 000 tasks be read in the time the CSV export is allowed.
 */
export async function pageTasksForExport(db: Db, lookups: ExportLookups, page: ExportPage): Promise<Task[]> {
  const [rows, coordinatorsOf, extensionsOf] = await Promise.all([pageRows(db, page), pageCoordinators(db, lookups, page), pageExtensions(db, page)]);
  rows.sort((a, b) => a.id - b.id);
  return rows.map((r) => {
    const lead = r.lead_unit_id !== null ? lookups.units.get(r.lead_unit_id) : undefined;
    return toTask(r, {
      lead: lead ? { code: lead.code, name: lead.name } : null,
      coordinating: coordinatorsOf.get(r.id) ?? [],
      extensions: extensionsOf.get(r.id) ?? [],
      source: r.source_id !== null ? (lookups.sources.get(r.source_id) ?? null) : null,
      every: r.series_id !== null ? (lookups.series.get(r.series_id) ?? null) : null,
    });
  });
}

function pageRows(db: Db, page: ExportPage) {
  let query = db
    .selectFrom('task')
    .select([
      'id',
      'text',
      'lead_unit_id',
      'owner_text',
      'ongoing',
      'original_due_on',
      'last_extended_on',
      'assigned_on',
      'completed_on',
      'evidence',
      'completion_note',
      'cancelled_on',
      'cancel_reason',
      'source_id',
      'series_id',
      'period',
      'directive_id',
    ])
    .where('id', '>', page.range.after)
    .where('id', '<=', page.range.upTo)
    .where('assigned_on', '<=', page.asOf);
  if (page.leadUnitIds) query = query.where('lead_unit_id', 'in', page.leadUnitIds.length ? page.leadUnitIds : [-1]);
  return query.execute();
}

/** The page's coordinating units, each task's in the registry's order. */
async function pageCoordinators(db: Db, lookups: ExportLookups, page: ExportPage): Promise<Map<number, UnitRef[]>> {
  const { after, upTo } = page.range;
  const coordinators = await db.selectFrom('task_coordinator').select(['task_id', 'unit_id']).where('task_id', '>', after).where('task_id', '<=', upTo).execute();
  const coordinatorsOf = new Map<number, (UnitRef & { position: number })[]>();
  for (const c of coordinators) {
    const unit = lookups.units.get(c.unit_id);
    if (!unit) continue;
    const list = coordinatorsOf.get(c.task_id);
    if (list) list.push(unit);
    else coordinatorsOf.set(c.task_id, [unit]);
  }
  return new Map([...coordinatorsOf].map(([task, units]) => [task, units.sort((a, b) => a.position - b.position).map((u) => ({ code: u.code, name: u.name }))]));
}

async function pageExtensions(db: Db, page: ExportPage): Promise<Map<number, ExtensionRecord[]>> {
  const extensions = await db
    .selectFrom('extension')
    .select(['task_id', 'from_on', 'to_on', 'reason', 'granted_on', 'author'])
    .where('task_id', '>', page.range.after)
    .where('task_id', '<=', page.range.upTo)
    .orderBy('granted_on')
    .orderBy('id')
    .execute();
  const extensionsOf = new Map<number, ExtensionRecord[]>();
  for (const e of extensions) {
    const record = toExtension(e);
    const list = extensionsOf.get(e.task_id);
    if (list) list.push(record);
    else extensionsOf.set(e.task_id, [record]);
  }
  return extensionsOf;
}
