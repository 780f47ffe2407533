/** A source's stored directives and what hangs on them, for `tasks import --update`. */
import type { IsoDate } from '../domain/dates.js';
import type { Db } from './database.js';

export interface StoredDirective {
  id: number;
  ordinal: string | null;
  text: string;
}

export interface DirectiveTask {
  id: number;
  directiveId: number;
  text: string;
  leadUnitId: number | null;
  originalDue: IsoDate | null;
  due: IsoDate | null;
  completedOn: IsoDate | null;
  cancelledOn: IsoDate | null;
  seriesId: number | null;
}

export interface DirectiveSeries {
  id: number;
  directiveId: number;
  text: string;
  leadUnitId: number;
  stoppedOn: IsoDate | null;
}

export async function listDirectives(db: Db, sourceId: number): Promise<StoredDirective[]> {
  return db.selectFrom('directive').select(['id', 'ordinal', 'text']).where('source_id', '=', sourceId).where('withdrawn_on', 'is', null).orderBy('id').execute();
}

export async function listDirectiveTasks(db: Db, directiveIds: number[]): Promise<DirectiveTask[]> {
  if (directiveIds.length === 0) return [];
  const rows = await db
    .selectFrom('task')
    .select(['id', 'directive_id', 'text', 'lead_unit_id', 'original_due_on', 'due_on', 'completed_on', 'cancelled_on', 'series_id'])
    .where('directive_id', 'in', directiveIds)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    directiveId: r.directive_id!,
    text: r.text,
    leadUnitId: r.lead_unit_id,
    originalDue: r.original_due_on,
    due: r.due_on,
    completedOn: r.completed_on,
    cancelledOn: r.cancelled_on,
    seriesId: r.series_id,
  }));
}

export async function listDirectiveSeries(db: Db, directiveIds: number[]): Promise<DirectiveSeries[]> {
  if (directiveIds.length === 0) return [];
  const rows = await db.selectFrom('series').select(['id', 'directive_id', 'text', 'lead_unit_id', 'stopped_on']).where('directive_id', 'in', directiveIds).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, directiveId: r.directive_id!, text: r.text, leadUnitId: r.lead_unit_id, stoppedOn: r.stopped_on }));
}

export async function updateDirective(db: Db, id: number, ordinal: string, text: string): Promise<void> {
  await db.updateTable('directive').set({ ordinal, text }).where('id', '=', id).execute();
}

export async function withdrawDirective(db: Db, id: number, on: IsoDate): Promise<void> {
  await db.updateTable('directive').set({ withdrawn_on: on }).where('id', '=', id).execute();
}

export async function updateSeriesText(db: Db, id: number, text: string): Promise<void> {
  await db.updateTable('series').set({ text }).where('id', '=', id).execute();
}

/** The corrected document's fingerprint, so importing it once more finds nothing new. */
export async function setSourceHash(db: Db, sourceId: number, hash: string): Promise<void> {
  await db.updateTable('source').set({ content_hash: hash }).where('id', '=', sourceId).execute();
}
