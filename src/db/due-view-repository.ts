/**
 * The daily view's one read (`tasks due`, `tasks overdue` on a terminal or a pipe): only the
 * columns those lines print and status needs, in one statement. Coordinating units are not
 * printed there and are not read; extensions are read only for the tasks extended after the
 * as-of day (an as-of day in the past), the only ones whose due date then is not the stored one,
 * inside the same statement. `--json` keeps the full task (listTasks). On SQLite the open tasks'
 * columns come from the covering index task_open_lines, so no row of task is read for them.
 */
import { sql } from 'kysely';
import type { IsoDate } from '../domain/dates.js';
import type { ExtensionFact, TaskFacts } from '../domain/status.js';
import type { UnitRef } from '../domain/task.js';
import type { Db } from './database.js';
import { dialectOf } from './dialect.js';
import { dailyViewHalves, dailyViewIds, type TaskQuery } from './task-repository.js';

export interface DueRow extends TaskFacts {
  id: number;
  text: string;
  lead: UnitRef | null;
  ownerText: string | null;
  sourceNumber: string | null;
}

export interface DueRange {
  asOf: IsoDate;
  dueBy: IsoDate;
  leadUnitIds?: number[];
}

/** The extensions of the task being read, oldest first, as a JSON array of [to, granted] pairs. */
function extensionsJson(db: Db) {
  const taskId = sql.ref('task.id');
  return dialectOf(db) === 'postgres'
    ? sql<unknown>`(select json_agg(json_build_array(e.to_on, e.granted_on) order by e.granted_on, e.id) from extension as e where e.task_id = ${taskId})`
    : sql<unknown>`(select json_group_array(json_array(e.to_on, e.granted_on)) from (select to_on, granted_on from extension where task_id = ${taskId} order by granted_on, id) as e)`;
}

/** Shared by every task with no extension that matters on the as-of day; never changed. */
const NO_EXTENSIONS: ExtensionFact[] = [];

/** What a line prints and its status needs, all in task_open_lines on SQLite. */
const LINE_COLUMNS = [
  'task.id',
  'task.text',
  'task.owner_text',
  'task.ongoing',
  'task.original_due_on',
  'task.due_on',
  'task.last_extended_on',
  'task.completed_on',
  'task.cancelled_on',
  'task.lead_unit_id',
  'task.source_id',
] as const;

export async function listDueRows(db: Db, range: DueRange): Promise<DueRow[]> {
  const { asOf, dueBy, leadUnitIds } = range;
  const postgres = dialectOf(db) === 'postgres';
  let base;
  if (postgres) {
    // Ids first, each half narrowed (see dailyViewIdList in task-repository.ts), then the rows by that list.
    const narrow = (q: TaskQuery): TaskQuery => {
      let out = q.where('task.assigned_on', '<=', asOf);
      if (leadUnitIds) out = out.where('task.lead_unit_id', 'in', leadUnitIds.length ? leadUnitIds : [-1]);
      return out;
    };
    const ids = (await dailyViewIds(db, asOf, dueBy, narrow).execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    base = db.selectFrom('task').where(sql<boolean>`${sql.ref('task.id')} = any(${ids})`);
  } else {
    // The rows straight from the two halves: the open one from task_open_lines alone (migration
    // 2026-12-03-speed-open-task-lines), no row of task read. The assignment day and the units are
    // tested with a unary + so that no index on them is chosen instead (task_assigned_status
    // would read nearly every task).
    const narrow = (q: TaskQuery): TaskQuery => {
      let out = q.where(sql`+${sql.ref('task.assigned_on')}`, '<=', asOf);
      if (leadUnitIds) out = out.where(sql`+${sql.ref('task.lead_unit_id')}`, 'in', leadUnitIds.length ? leadUnitIds : [-1]);
      return out;
    };
    const { open, closedLater } = dailyViewHalves(db, asOf, dueBy, narrow);
    base = db.selectFrom(open.select(LINE_COLUMNS).unionAll(closedLater.select(LINE_COLUMNS)).as('task'));
  }
  const rows = await base
    .leftJoin('source', 'source.id', 'task.source_id')
    .select((eb) => [
      ...LINE_COLUMNS,
      'source.number as source_number',
      eb.case().when('task.last_extended_on', '>', asOf).then(extensionsJson(db)).end().as('later_extensions'),
    ])
    .execute();
  // One object per unit, shared by its tasks, rather than two strings and an object per row.
  const units = new Map<number, UnitRef>();
  for (const u of await db.selectFrom('unit').select(['unit.id', 'unit.code', 'unit.name']).execute()) units.set(u.id, { code: u.code, name: u.name });
  return rows.map((r): DueRow => {
    const later = r.later_extensions as string | [IsoDate, IsoDate][] | null;
    const pairs = typeof later === 'string' ? (JSON.parse(later) as [IsoDate, IsoDate][]) : later;
    const extensions: ExtensionFact[] = pairs ? pairs.map(([to, grantedOn]) => ({ to, grantedOn })) : NO_EXTENSIONS;
    return {
      id: r.id,
      text: r.text,
      lead: r.lead_unit_id === null ? null : (units.get(r.lead_unit_id) ?? null),
      ownerText: r.owner_text,
      ongoing: r.ongoing === 1,
      // Extended by the as-of day (or never): the stored due date is the one in force then.
      originalDue: pairs !== null || r.last_extended_on === null ? r.original_due_on : r.due_on,
      extensions,
      completedOn: r.completed_on,
      cancelledOn: r.cancelled_on,
      sourceNumber: r.source_number,
    };
  });
}
