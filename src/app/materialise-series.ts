/**
 * Creates the occurrences of recurring series for every period begun by the as-of day. Runs at
 * the start of every command that writes (the CLI caps the day at the real day in Vietnam); costs
 * one indexed read when there is nothing to create. Commands that only read show the occurrences
 * without storing them (withOccurrencesShown).
 */
import { findSeriesDue, hasOccurrence, setNextPeriod, type Series } from '../db/series-repository.js';
import { insertTask } from '../db/task-repository.js';
import { nextPeriodStart, occurrencesBetween } from '../domain/recurrence.js';
import { fold } from '../domain/text.js';
import { audit, inTransaction, type Context } from './context.js';

export async function materialiseSeries(ctx: Context): Promise<number[]> {
  if ((await findSeriesDue(ctx.db, ctx.today)).length === 0) return [];
  return inTransaction(ctx, async (trx) => {
    const created: number[] = [];
    // Read again inside the transaction: another process may have just done the work.
    for (const series of await findSeriesDue(trx.db, trx.today)) created.push(...(await createOccurrences(trx, series)));
    return created;
  }, 'system');
}

/** Inside a transaction: the missing occurrences of one series up to the as-of day. */
export async function createOccurrences(ctx: Context, series: Series): Promise<number[]> {
  const created: number[] = [];
  const stamp = ctx.now().toISOString();
  const occurrences = occurrencesBetween(series.every, series.day, series.nextPeriodOn, ctx.today, series.untilOn);
  for (const occurrence of occurrences) {
    if (await hasOccurrence(ctx.db, series.id, occurrence.key)) continue;
    const assignedOn = occurrence.start > series.startsOn ? occurrence.start : series.startsOn;
    const id = await insertTask(
      ctx.db,
      {
        text: series.text,
        text_folded: fold(series.text),
        lead_unit_id: series.leadUnitId,
        ongoing: 0,
        original_due_on: occurrence.due,
        due_on: occurrence.due,
        assigned_on: assignedOn,
        source_id: series.sourceId,
        directive_id: series.directiveId,
        series_id: series.id,
        period: occurrence.key,
        created_at: stamp,
        updated_at: stamp,
      },
      series.coordinatorIds,
    );
    await audit(ctx, 'task.occurrence', { taskId: id }, { series: series.id, period: occurrence.key, due: occurrence.due });
    created.push(id);
  }
  const last = occurrences.at(-1);
  if (last) await setNextPeriod(ctx.db, series.id, nextPeriodStart(series.every, last.start));
  return created;
}

const ROLLBACK = Symbol('rollback');

/**
 * For a command that only reads: the occurrences due by the as-of day are created inside a
 * transaction that `work` reads through and that is then rolled back, so a report for a later day
 * shows them while the database keeps none of them (nor their audit entries). Where the database
 * cannot be written at all (a read-only login or file), `work` reads what is stored.
 */
export async function withOccurrencesShown<T>(ctx: Context, work: (ctx: Context) => Promise<T>): Promise<T> {
  if ((await findSeriesDue(ctx.db, ctx.today)).length === 0) return work(ctx);
  let result: { value: T } | null = null;
  let made = false;
  try {
    await ctx.db.transaction().execute(async (db) => {
      const trx = { ...ctx, db };
      for (const series of await findSeriesDue(db, ctx.today)) await createOccurrences(trx, series);
      made = true;
      result = { value: await work(trx) };
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK && made) throw error;
  }
  return result === null ? work(ctx) : (result as { value: T }).value;
}
