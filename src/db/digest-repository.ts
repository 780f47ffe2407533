/**
 * The narrow reads behind the monthly digest. Counting 100,000 tasks must not build 100,000 full
 * task objects: the counts read only the columns status needs, and full tasks are loaded only
 * for the few that the digest lists.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { IsoDate } from '../domain/dates.js';
import type { Bucket, TaskFacts } from '../domain/status.js';
import type { Db } from './database.js';
import { dialectOf } from './dialect.js';
import type { Database } from './schema.js';
import type { TaskQuery } from './task-repository.js';

export interface CountedTask extends TaskFacts {
  id: number;
  leadUnitId: number | null;
}

export interface FactsRange {
  asOf: IsoDate;
  /** Tasks assigned from this day (the digest's totals). */
  assignedFrom?: IsoDate;
  /**
   * Tasks that may be due in this period at the end of `asOf` (`tasks stats`): a superset, since
   * a task extended after `asOf` is read whatever its dates; the caller checks the due date in force.
   */
  dueWithin?: { from: IsoDate; to: IsoDate };
  leadUnitIds?: number[];
  /** Only tasks whose latest extension was granted after `asOf`. */
  extendedAfterAsOf?: boolean;
}

/** Tasks assigned by `asOf`, with just enough to know their bucket at the end of that day. */
export async function listStatusFacts(db: Db, range: FactsRange): Promise<CountedTask[]> {
  let q = db
    .selectFrom('task')
    .select(['id', 'lead_unit_id', 'ongoing', 'original_due_on', 'due_on', 'last_extended_on', 'completed_on', 'cancelled_on'])
    .where('assigned_on', '<=', range.asOf);
  if (range.assignedFrom !== undefined) q = q.where('assigned_on', '>=', range.assignedFrom);
  if (range.extendedAfterAsOf) q = q.where('last_extended_on', '>', range.asOf);
  const within = range.dueWithin;
  if (within !== undefined) {
    const asOf = range.asOf;
    q = q.where((eb) => eb.or([eb.between('due_on', within.from, within.to), eb('last_extended_on', '>', asOf)]));
  }
  if (range.leadUnitIds) q = q.where('lead_unit_id', 'in', range.leadUnitIds.length ? range.leadUnitIds : [-1]);
  const rows = await q.execute();
  // Extended after the as-of day: the due date then in force needs the extension history.
  const later = rows.filter((r) => r.last_extended_on !== null && r.last_extended_on > range.asOf).map((r) => r.id);
  const history = new Map<number, { to: IsoDate; grantedOn: IsoDate }[]>();
  for (let i = 0; i < later.length; i += 500) {
    const extensions = await db
      .selectFrom('extension')
      .select(['task_id', 'to_on', 'granted_on'])
      .where('task_id', 'in', later.slice(i, i + 500))
      .orderBy('granted_on')
      .orderBy('id')
      .execute();
    for (const e of extensions) {
      const list = history.get(e.task_id) ?? [];
      list.push({ to: e.to_on, grantedOn: e.granted_on });
      history.set(e.task_id, list);
    }
  }
  return rows.map((r) => {
    const extendedLater = history.has(r.id);
    return {
      id: r.id,
      leadUnitId: r.lead_unit_id,
      ongoing: r.ongoing === 1,
      // Extended by the as-of day: the stored due date is the one in force then.
      originalDue: extendedLater || r.last_extended_on === null ? r.original_due_on : r.due_on,
      extensions: history.get(r.id) ?? [],
      completedOn: r.completed_on,
      cancelledOn: r.cancelled_on,
    };
  });
}

/**
 * Ids of tasks that may appear in the digest's lists: open at the end of `asOf` with a due date
 * by `dueBy` (overdue, due next month), completed or extended from `since`. A superset: the
 * digest decides on the full task. Each part comes from an index (the open tasks from
 * task_open_daily and task_due_view as for the daily view, completions from task_due_view,
 * extensions from task_extended), not from a scan of every task; the assignment day and unit are
 * tested outside the union on SQLite (inside each part on PostgreSQL), as in dailyViewIds.
 */
export async function listDigestCandidates(db: Db, range: { since: IsoDate; asOf: IsoDate; dueBy: IsoDate; leadUnitIds?: number[] }): Promise<number[]> {
  const { since, asOf, dueBy, leadUnitIds } = range;
  const narrow = (q: TaskQuery): TaskQuery => {
    let out = q.where('task.assigned_on', '<=', asOf);
    if (leadUnitIds) out = out.where('task.lead_unit_id', 'in', leadUnitIds.length ? leadUnitIds : [-1]);
    return out;
  };
  const inside = dialectOf(db) === 'postgres' ? narrow : (q: TaskQuery) => q;
  const dueOrExtended = (eb: ExpressionBuilder<Database, 'task'>) => eb.and([eb('task.ongoing', '=', 0), eb.or([eb('task.due_on', '<=', dueBy), eb('task.last_extended_on', '>', asOf)])]);
  const open = inside(db.selectFrom('task'))
    .select('task.id')
    .where(sql<unknown>`coalesce(${sql.ref('task.completed_on')}, ${sql.ref('task.cancelled_on')})`, 'is', null)
    .where(dueOrExtended);
  const closedLater = inside(db.selectFrom('task'))
    .select('task.id')
    .where((eb) =>
      eb.and([
        eb.or([eb('task.completed_on', '>', asOf), eb.and([eb('task.completed_on', 'is', null), eb('task.cancelled_on', '>', asOf)])]),
        eb.or([eb('task.cancelled_on', 'is', null), eb('task.cancelled_on', '>', asOf)]),
        dueOrExtended(eb),
      ]),
    );
  const completed = inside(db.selectFrom('task')).select('task.id').where('task.completed_on', '>=', since).where('task.completed_on', '<=', asOf);
  const extended = inside(db.selectFrom('task')).select('task.id').where('task.last_extended_on', '>=', since);
  // UNION ALL: a plain UNION makes SQLite merge the parts in id order, scanning task to get it.
  const parts = open.unionAll(closedLater).unionAll(completed).unionAll(extended);
  const rows = dialectOf(db) === 'postgres' ? await parts.execute() : await narrow(db.selectFrom('task')).select('task.id').where('task.id', 'in', parts).execute();
  return [...new Set(rows.map((r) => r.id))].sort((a, b) => a - b);
}

export interface BucketCount {
  leadUnitId: number | null;
  bucket: Bucket;
  n: number;
}

/**
 * The bucket at the end of `asOf` of a task whose due date in force then is `due_on` (no extension
 * granted after `asOf`), as SQL. It mirrors statusOf in domain/status.ts rule for rule, so the
 * database can count 100,000 tasks without sending them; test/db/bucket-count.test.ts holds the
 * two to the same answers.
 */
function bucketAt(asOf: IsoDate) {
  return sql<Bucket>`case
    when cancelled_on is not null and cancelled_on <= ${asOf} then 'cancelled'
    when completed_on is not null and completed_on <= ${asOf} then
      case when ongoing = 1 or due_on is null or completed_on <= due_on then 'done_on_time' else 'done_late' end
    when ongoing = 1 then 'ongoing'
    when due_on is null then 'undated'
    when ${asOf} <= due_on then 'open_in_term'
    else 'open_overdue'
  end`;
}

/**
 * Counts by lead unit and bucket at the end of `asOf`, for the tasks `range` selects. Tasks
 * extended after `asOf` need their extension history: they are read and judged one by one.
 */
export async function countBuckets(db: Db, range: FactsRange): Promise<BucketCount[]> {
  const { asOf } = range;
  let q = db
    .selectFrom('task')
    .select((eb) => ['lead_unit_id', bucketAt(asOf).as('bucket'), eb.fn.countAll<number | string>().as('n')])
    .where('assigned_on', '<=', asOf)
    .where((eb) => eb.or([eb('last_extended_on', 'is', null), eb('last_extended_on', '<=', asOf)]));
  if (range.assignedFrom !== undefined) q = q.where('assigned_on', '>=', range.assignedFrom);
  if (range.dueWithin !== undefined) q = q.where('due_on', '>=', range.dueWithin.from).where('due_on', '<=', range.dueWithin.to);
  if (range.leadUnitIds) q = q.where('lead_unit_id', 'in', range.leadUnitIds.length ? range.leadUnitIds : [-1]);
  // Grouped by position: PostgreSQL does not see two parameterised copies of an expression as one.
  const rows = await q.groupBy([sql`1`, sql`2`]).execute();
  return rows.map((r) => ({ leadUnitId: r.lead_unit_id, bucket: r.bucket, n: Number(r.n) }));
}

/** The tasks countBuckets leaves out: extended after `asOf`, so their due date then needs history. */
export function listExtendedAfter(db: Db, range: FactsRange): Promise<CountedTask[]> {
  return listStatusFacts(db, { ...range, extendedAfterAsOf: true });
}
