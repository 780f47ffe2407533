/** What an import writes besides tasks: the source's import mark, its directives; and undoing it. */
import type { IsoDate } from '../domain/dates.js';
import type { Db } from './database.js';

export interface ImportedSource {
  id: number;
  number: string | null;
  issuer: string | null;
  issuedOn: IsoDate | null;
  importedAt: string | null;
}

function toImported(row: { id: number; number: string | null; issuer: string | null; issued_on: string | null; imported_at: string | null }): ImportedSource {
  return { id: row.id, number: row.number, issuer: row.issuer, issuedOn: row.issued_on, importedAt: row.imported_at };
}

const COLUMNS = ['id', 'number', 'issuer', 'issued_on', 'imported_at'] as const;

export async function findSourceByNumberForImport(db: Db, number: string): Promise<ImportedSource | null> {
  const row = await db.selectFrom('source').select(COLUMNS).where('number', '=', number).executeTakeFirst();
  return row ? toImported(row) : null;
}

export async function findImportedByHash(db: Db, hash: string): Promise<ImportedSource | null> {
  const row = await db
    .selectFrom('source')
    .select(COLUMNS)
    .where('content_hash', '=', hash)
    .where('imported_at', 'is not', null)
    .executeTakeFirst();
  return row ? toImported(row) : null;
}

export async function findSourceById(db: Db, id: number): Promise<ImportedSource | null> {
  const row = await db.selectFrom('source').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toImported(row) : null;
}

export interface ImportMark {
  hash: string;
  importedAt: string;
  kind: string | null;
  issuer: string | null;
  issuedOn: IsoDate | null;
  meetingOn: IsoDate | null;
  chair: string | null;
  summary: string | null;
}

/** Marks a source as imported, filling in what it did not know yet (a source `tasks add` created). */
export async function markImported(db: Db, id: number, mark: ImportMark): Promise<void> {
  const row = await db.selectFrom('source').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await db
    .updateTable('source')
    .set({
      content_hash: mark.hash,
      imported_at: mark.importedAt,
      kind: row.kind ?? mark.kind,
      issuer: row.issuer ?? mark.issuer,
      issued_on: row.issued_on ?? mark.issuedOn,
      meeting_on: row.meeting_on ?? mark.meetingOn,
      chair: row.chair ?? mark.chair,
      summary: row.summary ?? mark.summary,
    })
    .where('id', '=', id)
    .execute();
}

export async function insertDirective(db: Db, sourceId: number, ordinal: string, text: string): Promise<number> {
  const { id } = await db.insertInto('directive').values({ source_id: sourceId, ordinal, text }).returning('id').executeTakeFirstOrThrow();
  return id;
}

export interface ImportFootprint {
  directiveIds: number[];
  seriesIds: number[];
  taskIds: number[];
  /** Tasks with a progress note, an extension (granted or asked for) or a completion: the import can no longer be undone. */
  taskIdsWithHistory: number[];
  /** Rows of the reminder log for these tasks; the audit trail keeps what was sent. */
  reminders: number;
}

export async function importFootprint(db: Db, sourceId: number): Promise<ImportFootprint> {
  const directives = await db.selectFrom('directive').select('id').where('source_id', '=', sourceId).execute();
  const directiveIds = directives.map((d) => d.id);
  if (directiveIds.length === 0) return { directiveIds, seriesIds: [], taskIds: [], taskIdsWithHistory: [], reminders: 0 };
  const [series, tasks] = await Promise.all([
    db.selectFrom('series').select('id').where('directive_id', 'in', directiveIds).execute(),
    db.selectFrom('task').select(['id', 'completed_on']).where('directive_id', 'in', directiveIds).execute(),
  ]);
  const taskIds = tasks.map((t) => t.id);
  const withHistory = new Set(tasks.filter((t) => t.completed_on !== null).map((t) => t.id));
  let reminders = 0;
  if (taskIds.length) {
    const [notes, extensions, requests, reminded] = await Promise.all([
      db.selectFrom('progress_note').select('task_id').where('task_id', 'in', taskIds).execute(),
      db.selectFrom('extension').select('task_id').where('task_id', 'in', taskIds).execute(),
      db.selectFrom('extension_request').select('task_id').where('task_id', 'in', taskIds).execute(),
      db.selectFrom('reminder').select((eb) => eb.fn.countAll<number>().as('n')).where('task_id', 'in', taskIds).executeTakeFirstOrThrow(),
    ]);
    for (const r of [...notes, ...extensions, ...requests]) withHistory.add(r.task_id);
    reminders = Number(reminded.n);
  }
  return { directiveIds, seriesIds: series.map((s) => s.id), taskIds, taskIdsWithHistory: [...withHistory].sort((a, b) => a - b), reminders };
}

/** Deletes what an import created; the source itself too when the import created it. */
export async function deleteImport(db: Db, sourceId: number, footprint: ImportFootprint, dropSource: boolean): Promise<void> {
  const { taskIds, seriesIds, directiveIds } = footprint;
  if (taskIds.length) {
    // The reminder log only stops a second send; what went out stays in the audit trail (remind.send, remind.task).
    await db.deleteFrom('reminder').where('task_id', 'in', taskIds).execute();
    await db.deleteFrom('task_coordinator').where('task_id', 'in', taskIds).execute();
    await db.deleteFrom('task').where('id', 'in', taskIds).execute();
  }
  if (seriesIds.length) {
    await db.deleteFrom('series_coordinator').where('series_id', 'in', seriesIds).execute();
    await db.deleteFrom('series').where('id', 'in', seriesIds).execute();
  }
  if (directiveIds.length) await db.deleteFrom('directive').where('id', 'in', directiveIds).execute();
  if (dropSource) await db.deleteFrom('source').where('id', '=', sourceId).execute();
  else await db.updateTable('source').set({ imported_at: null, content_hash: null }).where('id', '=', sourceId).execute();
}

/** Whether anything but this import refers to the source (tasks added by hand with --source). */
export async function sourceUsedElsewhere(db: Db, sourceId: number, footprint: ImportFootprint): Promise<boolean> {
  let query = db.selectFrom('task').select('id').where('source_id', '=', sourceId);
  if (footprint.taskIds.length) query = query.where('id', 'not in', footprint.taskIds);
  const task = await query.executeTakeFirst();
  if (task) return true;
  let seriesQuery = db.selectFrom('series').select('id').where('source_id', '=', sourceId);
  if (footprint.seriesIds.length) seriesQuery = seriesQuery.where('id', 'not in', footprint.seriesIds);
  return (await seriesQuery.executeTakeFirst()) !== undefined;
}
