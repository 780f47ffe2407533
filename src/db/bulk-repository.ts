/**
 * Many rows at once, for `tasks import-sheet`: multi-row inserts in chunks small enough for
 * every database's parameter limit, inside the caller's transaction. Fifty thousand tasks
 * take a few hundred statements instead of a few hundred thousand.
 */
import { chainHash, chainHead, type ChainedFields } from './audit-chain.js';
import type { Db } from './database.js';
import type { IsoDate } from '../domain/dates.js';
import type { NewExtensionRow, NewNoteRow, NewSourceRow, NewTaskRow } from './schema.js';

/** Rows per statement: 21 task columns × 400 stays under SQLite's and PostgreSQL's limits. */
const CHUNK = 400;

function chunks<T>(rows: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Inserts the tasks and returns their ids in the order given. Ids are handed out in the order
 * of the VALUES list on both databases, so the returned ids sorted ascending line up with it.
 */
export async function insertTaskRows(db: Db, rows: NewTaskRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (const chunk of chunks(rows)) {
    const returned = await db.insertInto('task').values(chunk).returning('id').execute();
    ids.push(...returned.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}

export async function insertCoordinatorRows(db: Db, rows: { task_id: number; unit_id: number }[]): Promise<void> {
  for (const chunk of chunks(rows, 2000)) await db.insertInto('task_coordinator').values(chunk).execute();
}

export async function insertExtensionRows(db: Db, rows: NewExtensionRow[]): Promise<void> {
  for (const chunk of chunks(rows, 1000)) await db.insertInto('extension').values(chunk).execute();
}

export async function insertNoteRows(db: Db, rows: NewNoteRow[]): Promise<void> {
  for (const chunk of chunks(rows, 1000)) await db.insertInto('progress_note').values(chunk).execute();
}

/** An audit entry's row as written: the fields its hash covers (audit-chain.ts). */
export type AuditRow = ChainedFields;

export async function insertAuditRows(db: Db, rows: AuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  let previous = await chainHead(db);
  const chained = rows.map((row) => ({ ...row, hash: (previous = chainHash(previous, row)) }));
  for (const chunk of chunks(chained, 1000)) await db.insertInto('audit_event').values(chunk).execute();
}

export interface KnownSource {
  id: number;
  /** The issue date, else the meeting date: the day its tasks count as assigned. */
  date: IsoDate | null;
}

/** Every source by its number, in one query: a tracker names thousands of documents. */
export async function sourcesByNumber(db: Db): Promise<Map<string, KnownSource>> {
  const rows = await db.selectFrom('source').select(['id', 'number', 'issued_on', 'meeting_on']).where('number', 'is not', null).execute();
  return new Map(rows.map((r) => [r.number!, { id: r.id, date: r.issued_on ?? r.meeting_on }]));
}

/** A source made for the sheet's document numbers: always numbered. */
type NumberedSource = NewSourceRow & { number: string };

/** Inserts sources (numbers not in the database yet) and returns their ids by number. */
export async function insertSourceRows(db: Db, rows: NumberedSource[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const chunk of chunks(rows, 1000)) {
    const returned = await db.insertInto('source').values(chunk).returning(['id', 'number']).execute();
    for (const r of returned) ids.set(r.number!, Number(r.id));
  }
  return ids;
}

export interface EarlierSheetImport {
  at: string;
  actor: string;
  first: number | null;
  last: number | null;
}

/** The last import of a file with these bytes (its sha256 is in the audit entry), or null. */
export async function findSheetImport(db: Db, hash: string): Promise<EarlierSheetImport | null> {
  const row = await db
    .selectFrom('audit_event')
    .select(['at', 'actor', 'detail'])
    .where('action', '=', 'sheet.import')
    .where('detail', 'like', `%"hash":"${hash}"%`)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  const detail = JSON.parse(row.detail) as { first?: number | null; last?: number | null };
  return { at: row.at, actor: row.actor, first: detail.first ?? null, last: detail.last ?? null };
}
