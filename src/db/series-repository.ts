/** Recurring series and the bookkeeping of which periods already have their occurrence. */
import type { IsoDate } from '../domain/dates.js';
import type { Period } from '../domain/recurrence.js';
import type { Db } from './database.js';

export interface Series {
  id: number;
  text: string;
  leadUnitId: number;
  coordinatorIds: number[];
  every: Period;
  day: number | null;
  startsOn: IsoDate;
  untilOn: IsoDate | null;
  nextPeriodOn: IsoDate;
  sourceId: number | null;
  directiveId: number | null;
}

export type NewSeries = Omit<Series, 'id'>;

export async function insertSeries(db: Db, series: NewSeries, createdAt: string): Promise<number> {
  const { id } = await db
    .insertInto('series')
    .values({
      text: series.text,
      lead_unit_id: series.leadUnitId,
      every: series.every,
      day: series.day,
      starts_on: series.startsOn,
      until_on: series.untilOn,
      next_period_on: series.nextPeriodOn,
      stopped_on: null,
      source_id: series.sourceId,
      directive_id: series.directiveId,
      created_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (series.coordinatorIds.length) {
    await db
      .insertInto('series_coordinator')
      .values([...new Set(series.coordinatorIds)].map((unit_id) => ({ series_id: id, unit_id })))
      .execute();
  }
  return id;
}

/** Series with a period that has begun by `asOf` and has no occurrence yet. */
export async function findSeriesDue(db: Db, asOf: IsoDate): Promise<Series[]> {
  const rows = await db
    .selectFrom('series')
    .selectAll()
    .where('next_period_on', '<=', asOf)
    .where('stopped_on', 'is', null)
    .where((eb) => eb.or([eb('until_on', 'is', null), eb('until_on', '>=', eb.ref('next_period_on'))]))
    .execute();
  if (rows.length === 0) return [];
  const coordinators = await db
    .selectFrom('series_coordinator')
    .selectAll()
    .where(
      'series_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    leadUnitId: r.lead_unit_id,
    coordinatorIds: coordinators.filter((c) => c.series_id === r.id).map((c) => c.unit_id),
    every: r.every as Period,
    day: r.day,
    startsOn: r.starts_on,
    untilOn: r.until_on,
    nextPeriodOn: r.next_period_on,
    sourceId: r.source_id,
    directiveId: r.directive_id,
  }));
}

export async function setNextPeriod(db: Db, seriesId: number, nextPeriodOn: IsoDate): Promise<void> {
  await db.updateTable('series').set({ next_period_on: nextPeriodOn }).where('id', '=', seriesId).execute();
}

export async function stopSeries(db: Db, seriesId: number, on: IsoDate): Promise<void> {
  await db.updateTable('series').set({ stopped_on: on }).where('id', '=', seriesId).execute();
}

/** Whether the series already has its occurrence for a period (kept unique by the schema too). */
export async function hasOccurrence(db: Db, seriesId: number, period: string): Promise<boolean> {
  const row = await db.selectFrom('task').select('id').where('series_id', '=', seriesId).where('period', '=', period).executeTakeFirst();
  return row !== undefined;
}
