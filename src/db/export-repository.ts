/** What `tasks export` reads besides the tasks: each task's latest progress note, the database's identity. */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { IsoDate } from '../domain/dates.js';
import type { Period } from '../domain/recurrence.js';
import type { ExtensionRecord, SourceRef, Task, UnitRef } from '../domain/task.js';
import type { Db } from './database.js';

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
  const { after, upTo } = page.range;
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
    ])
    .where('id', '>', after)
    .where('id', '<=', upTo)
    .where('assigned_on', '<=', page.asOf);
  if (page.leadUnitIds) query = query.where('lead_unit_id', 'in', page.leadUnitIds.length ? page.leadUnitIds : [-1]);
  const [rows, coordinators, extensions] = await Promise.all([
    query.execute(),
    db.selectFrom('task_coordinator').select(['task_id', 'unit_id']).where('task_id', '>', after).where('task_id', '<=', upTo).execute(),
    db
      .selectFrom('extension')
      .select(['task_id', 'from_on', 'to_on', 'reason', 'granted_on', 'author'])
      .where('task_id', '>', after)
      .where('task_id', '<=', upTo)
      .orderBy('granted_on')
      .orderBy('id')
      .execute(),
  ]);
  const coordinatorsOf = new Map<number, (UnitRef & { position: number })[]>();
  for (const c of coordinators) {
    const unit = lookups.units.get(c.unit_id);
    if (!unit) continue;
    const list = coordinatorsOf.get(c.task_id);
    if (list) list.push(unit);
    else coordinatorsOf.set(c.task_id, [unit]);
  }
  const extensionsOf = new Map<number, ExtensionRecord[]>();
  for (const e of extensions) {
    const record = { from: e.from_on, to: e.to_on, reason: e.reason, grantedOn: e.granted_on, by: e.author };
    const list = extensionsOf.get(e.task_id);
    if (list) list.push(record);
    else extensionsOf.set(e.task_id, [record]);
  }
  rows.sort((a, b) => a.id - b.id);
  return rows.map((r): Task => {
    const lead = r.lead_unit_id !== null ? lookups.units.get(r.lead_unit_id) : undefined;
    const coordinating = coordinatorsOf.get(r.id);
    return {
      id: r.id,
      text: r.text,
      lead: lead ? { code: lead.code, name: lead.name } : null,
      coordinating: coordinating ? coordinating.sort((a, b) => a.position - b.position).map((u) => ({ code: u.code, name: u.name })) : [],
      ownerText: r.owner_text,
      ongoing: r.ongoing === 1,
      originalDue: r.original_due_on,
      extensions: extensionsOf.get(r.id) ?? [],
      assignedOn: r.assigned_on,
      completedOn: r.completed_on,
      evidence: r.evidence,
      completionNote: r.completion_note,
      cancelledOn: r.cancelled_on,
      cancelReason: r.cancel_reason,
      source: r.source_id !== null ? (lookups.sources.get(r.source_id) ?? null) : null,
      series: r.series_id !== null ? { id: r.series_id, every: lookups.series.get(r.series_id)!, period: r.period ?? '' } : null,
    };
  });
}
