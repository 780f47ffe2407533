/** Tasks and what hangs off them: coordinating units, extensions, progress notes. */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { MAX_DATE, type IsoDate } from '../domain/dates.js';
import type { Period } from '../domain/recurrence.js';
import type { ExtensionRecord, Task, UnitRef } from '../domain/task.js';
import type { Db } from './database.js';
import { dialectOf } from './dialect.js';
import type { Database, NewTaskRow, TaskUpdate } from './schema.js';
import { toExtension, toTask } from './task-row.js';

export interface TaskFilter {
  /** Tasks assigned after this day are left out. */
  asOf: IsoDate;
  ids?: number[];
  leadUnitIds?: number[];
  sourceNumber?: string;
  /** Folded (see domain/text.fold) words that must all appear in the text. */
  searchWords?: string[];
  /**
   * The daily view: tasks still open at the end of `asOf` whose due date in force may fall on or
   * before this day, plus those that lack a due date or an owner. Ongoing tasks are left out.
   */
  openDueBy?: IsoDate;
}

export type TaskQuery = SelectQueryBuilder<Database, 'task', object>;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Every condition of the filter but the daily view's. */
function applyFilter(query: TaskQuery, filter: TaskFilter): TaskQuery {
  let q = query.where('task.assigned_on', '<=', filter.asOf);
  if (filter.ids) q = q.where('task.id', 'in', filter.ids.length ? filter.ids : [-1]);
  if (filter.leadUnitIds) q = q.where('task.lead_unit_id', 'in', filter.leadUnitIds.length ? filter.leadUnitIds : [-1]);
  if (filter.sourceNumber !== undefined) {
    const number = filter.sourceNumber;
    q = q.where('task.source_id', 'in', (eb) => eb.selectFrom('source').select('source.id').where('source.number', '=', number));
  }
  for (const word of filter.searchWords ?? []) {
    q = q.where(sql<boolean>`${sql.ref('task.text_folded')} like ${`%${escapeLike(word)}%`} escape '\\'`);
  }
  return q;
}

/**
 * The ids of the tasks still open at the end of `asOf` that the daily view may show, in two
 * halves that each come from an index alone: the tasks neither completed nor cancelled from the
 * partial index task_open_daily (migration 2026-12-03-open-task-index, whose predicate the first
 * half repeats word for word), and the few closed after `asOf` (an as-of day in the past) from
 * task_due_view. One OR over both would make PostgreSQL read every open task's row, and SQLite
 * read task_due_view's entries for every task ever cancelled. The assignment day is left to the
 * outer query, or the planner prefers an index that starts with it (task_assigned_status) and
 * reads nearly every task. The same SQL on both databases.
 */
export function dailyViewIds(db: Db, asOf: IsoDate, dueBy: IsoDate, narrow: (q: TaskQuery) => TaskQuery = (q) => q) {
  const { open, closedLater } = dailyViewHalves(db, asOf, dueBy, narrow);
  return open.select('task.id').unionAll(closedLater.select('task.id'));
}

/** dailyViewIds' two halves, each to select from (the lines read their columns straight from them). */
export function dailyViewHalves(db: Db, asOf: IsoDate, dueBy: IsoDate, narrow: (q: TaskQuery) => TaskQuery): { open: TaskQuery; closedLater: TaskQuery } {
  const open = narrow(db.selectFrom('task'))
    .where(sql<unknown>`coalesce(${sql.ref('task.completed_on')}, ${sql.ref('task.cancelled_on')})`, 'is', null)
    .where((eb: ExpressionBuilder<Database, 'task'>) => eb.and(onDailyView(eb, asOf, dueBy)));
  const closedLater = narrow(db.selectFrom('task'))
    .where((eb: ExpressionBuilder<Database, 'task'>) =>
      eb.and([
        eb.or([eb('task.completed_on', '>', asOf), eb.and([eb('task.completed_on', 'is', null), eb('task.cancelled_on', '>', asOf)])]),
        eb.or([eb('task.cancelled_on', 'is', null), eb('task.cancelled_on', '>', asOf)]),
        ...onDailyView(eb, asOf, dueBy),
      ]),
    );
  return { open, closedLater };
}

/**
 * Beside "neither completed nor cancelled by the as-of day", which the two halves above ask each
 * in its own way: not ongoing (unless unassigned), and due by `dueBy`, undated, unassigned or
 * extended after the as-of day (its due date then was another).
 */
function onDailyView(eb: ExpressionBuilder<Database, 'task'>, asOf: IsoDate, dueBy: IsoDate) {
  return [
    eb.or([eb('task.ongoing', '=', 0), eb('task.lead_unit_id', 'is', null)]),
    eb.or([
      eb('task.due_on', '<=', dueBy),
      eb('task.due_on', 'is', null),
      eb('task.lead_unit_id', 'is', null),
      eb('task.last_extended_on', '>', asOf),
    ]),
  ];
}

/**
 * PostgreSQL: the daily view's ids first, as a list, each half narrowed by the rest of the filter
 * (task_open_daily holds the assignment day); the rows are then fetched by that list (one array
 * parameter). A join of task to the union made PostgreSQL scan every task.
 */
async function dailyViewIdList(db: Db, filter: TaskFilter, dueBy: IsoDate): Promise<number[]> {
  const rows = await dailyViewIds(db, filter.asOf, dueBy, (q) => applyFilter(q, filter)).execute();
  return rows.map((r) => r.id);
}

/**
 * The tasks a filter selects. For the daily view the ids come first from task_due_view alone,
 * so only the rows shown are read: a plain filter would read every open task's row, however far
 * off its due date, to test it.
 */
function selectTasks(db: Db, filter: TaskFilter): TaskQuery {
  const query = applyFilter(db.selectFrom('task'), filter);
  if (filter.openDueBy === undefined) return query;
  return query.where('task.id', 'in', dailyViewIds(db, filter.asOf, filter.openDueBy));
}

/** `column` is one of `ids`: one array parameter on PostgreSQL, a list of parameters on SQLite. */
function idIn(db: Db, column: 'task.id' | 'task_coordinator.task_id', ids: number[]) {
  return dialectOf(db) === 'postgres' ? sql<boolean>`${sql.ref(column)} = any(${ids})` : sql<boolean>`${sql.ref(column)} in (${sql.join(ids)})`;
}

/** Tasks read by id a few thousand at a time: the raw rows of one piece die before the next is read. */
const PIECE = 2000;

export async function listTasks(db: Db, filter: TaskFilter): Promise<Task[]> {
  if (filter.openDueBy === undefined) return readTasks(db, filter, null);
  // The daily view: its ids first (from the indexes alone), then the tasks by that list, in
  // pieces, so 50,000 overdue tasks never sit in memory twice over as rows and as tasks.
  const ids =
    dialectOf(db) === 'postgres'
      ? await dailyViewIdList(db, filter, filter.openDueBy)
      : (await selectTasks(db, filter).select('task.id').execute()).map((r) => r.id);
  ids.sort((a, b) => a - b);
  const tasks: Task[] = [];
  for (let i = 0; i < ids.length; i += PIECE) for (const task of await readTasks(db, filter, ids.slice(i, i + PIECE))) tasks.push(task);
  return tasks;
}

async function readTasks(db: Db, filter: TaskFilter, ids: number[] | null): Promise<Task[]> {
  if (ids !== null && ids.length === 0) return [];
  const rows = await readTaskRows(db, filter, ids);
  if (rows.length === 0) return [];
  const coordinatorsOf = await readCoordinators(db, filter, ids);
  const extensionsOf = await loadExtensions(
    db,
    rows.filter((r) => r.last_extended_on !== null).map((r) => r.id),
  );
  // One object per unit, not one per task: a list of 50,000 tasks names thirty units.
  const leads = new Map<string, UnitRef>();
  const leadOf = (code: string, name: string): UnitRef => {
    let lead = leads.get(code);
    if (lead === undefined || lead.name !== name) leads.set(code, (lead = { code, name }));
    return lead;
  };
  return rows.map((r) =>
    toTask(r, {
      lead: r.lead_code !== null ? leadOf(r.lead_code, r.lead_name!) : null,
      coordinating: coordinatorsOf.get(r.id) ?? [],
      extensions: extensionsOf.get(r.id) ?? [],
      source: r.source_id !== null ? { id: r.source_id, kind: r.source_kind, number: r.source_number, issuedOn: r.source_issued_on, meetingOn: r.source_meeting_on } : null,
      every: r.series_every as Period | null,
    }),
  );
}

/** The tasks' rows with their lead unit, source and series joined, in id order. */
async function readTaskRows(db: Db, filter: TaskFilter, ids: number[] | null) {
  const rows = await (ids ? db.selectFrom('task').where(idIn(db, 'task.id', ids)) : selectTasks(db, filter))
    .leftJoin('unit as lead', 'lead.id', 'task.lead_unit_id')
    .leftJoin('source', 'source.id', 'task.source_id')
    .leftJoin('series', 'series.id', 'task.series_id')
    .select([
      'task.id',
      'task.text',
      'task.owner_text',
      'task.ongoing',
      'task.original_due_on',
      'task.last_extended_on',
      'task.assigned_on',
      'task.completed_on',
      'task.evidence',
      'task.completion_note',
      'task.cancelled_on',
      'task.cancel_reason',
      'task.series_id',
      'task.period',
      'task.directive_id',
      'lead.code as lead_code',
      'lead.name as lead_name',
      'source.id as source_id',
      'source.kind as source_kind',
      'source.number as source_number',
      'source.issued_on as source_issued_on',
      'source.meeting_on as source_meeting_on',
      'series.every as series_every',
    ])
    .execute();
  // Sorted here, not in SQL: an ORDER BY on the key leads SQLite to walk the whole table in key
  // order rather than narrow the filter with an index (task_due_view for the daily view).
  return rows.sort((a, b) => a.id - b.id);
}

/** Each task's coordinating units, in the registry's order. */
async function readCoordinators(db: Db, filter: TaskFilter, ids: number[] | null): Promise<Map<number, UnitRef[]>> {
  const coordinatorQuery = db
    .selectFrom('task_coordinator')
    .innerJoin('unit', 'unit.id', 'task_coordinator.unit_id')
    .select(['task_coordinator.task_id', 'unit.code', 'unit.name'])
    .orderBy('unit.position');
  const coordinators = await (ids
    ? coordinatorQuery.where(idIn(db, 'task_coordinator.task_id', ids))
    : coordinatorQuery.where('task_coordinator.task_id', 'in', selectTasks(db, filter).select('task.id'))
  ).execute();
  const coordinatorsOf = new Map<number, UnitRef[]>();
  for (const c of coordinators) {
    const list = coordinatorsOf.get(c.task_id) ?? [];
    list.push({ code: c.code, name: c.name });
    coordinatorsOf.set(c.task_id, list);
  }
  return coordinatorsOf;
}

async function loadExtensions(db: Db, taskIds: number[]): Promise<Map<number, ExtensionRecord[]>> {
  const out = new Map<number, ExtensionRecord[]>();
  // Chunks keep the parameter count well under every database's limit.
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await db
      .selectFrom('extension')
      .selectAll()
      .where('task_id', 'in', taskIds.slice(i, i + 500))
      .orderBy('granted_on')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.task_id) ?? [];
      list.push(toExtension(r));
      out.set(r.task_id, list);
    }
  }
  return out;
}

/** One task whatever its assignment date, or null. */
export async function findTaskById(db: Db, id: number): Promise<Task | null> {
  const [task] = await listTasks(db, { asOf: MAX_DATE, ids: [id] });
  return task ?? null;
}

export async function insertTask(db: Db, row: NewTaskRow, coordinatorIds: number[]): Promise<number> {
  const { id } = await db.insertInto('task').values(row).returning('id').executeTakeFirstOrThrow();
  await setCoordinators(db, id, coordinatorIds);
  return id;
}

export async function setCoordinators(db: Db, taskId: number, unitIds: number[]): Promise<void> {
  await db.deleteFrom('task_coordinator').where('task_id', '=', taskId).execute();
  const unique = [...new Set(unitIds)];
  if (unique.length) await db.insertInto('task_coordinator').values(unique.map((unit_id) => ({ task_id: taskId, unit_id }))).execute();
}

/**
 * Inside a write transaction: holds the task's row until commit, so two people changing one task
 * at once take turns instead of both acting on what they read. SQLite's write transactions
 * (BEGIN IMMEDIATE) already take turns for the whole database.
 */
export async function lockTask(db: Db, id: number): Promise<void> {
  if (dialectOf(db) === 'postgres') await db.selectFrom('task').select('id').where('id', '=', id).forUpdate().execute();
}

export async function updateTask(db: Db, id: number, update: TaskUpdate): Promise<void> {
  await db.updateTable('task').set(update).where('id', '=', id).execute();
}

export async function insertExtension(
  db: Db,
  taskId: number,
  extension: ExtensionRecord,
  createdAt: string,
): Promise<void> {
  await db
    .insertInto('extension')
    .values({
      task_id: taskId,
      from_on: extension.from,
      to_on: extension.to,
      reason: extension.reason,
      granted_on: extension.grantedOn,
      author: extension.by,
      created_at: createdAt,
    })
    .execute();
}

export interface ProgressNote {
  on: IsoDate;
  note: string;
  by: string;
}

export async function insertProgressNote(db: Db, taskId: number, note: ProgressNote, createdAt: string): Promise<void> {
  await db
    .insertInto('progress_note')
    .values({ task_id: taskId, noted_on: note.on, note: note.note, author: note.by, created_at: createdAt })
    .execute();
}

export async function listProgressNotes(db: Db, taskId: number, asOf: IsoDate): Promise<ProgressNote[]> {
  const rows = await db
    .selectFrom('progress_note')
    .select(['noted_on', 'note', 'author'])
    .where('task_id', '=', taskId)
    .where('noted_on', '<=', asOf)
    .orderBy('noted_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ on: r.noted_on, note: r.note, by: r.author }));
}

export async function countTasks(db: Db): Promise<number> {
  const row = await db.selectFrom('task').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every task made from these directives (one per unit the directive named), optionally only those these units lead. */
export async function taskIdsOfDirectives(db: Db, directiveIds: number[], leadUnitIds?: number[]): Promise<number[]> {
  if (directiveIds.length === 0) return [];
  let q = db.selectFrom('task').select('task.id').where('task.directive_id', 'in', directiveIds);
  if (leadUnitIds) q = q.where('task.lead_unit_id', 'in', leadUnitIds.length ? leadUnitIds : [-1]);
  return (await q.orderBy('task.id').execute()).map((r) => r.id);
}
