/** What `tasks export` reads besides the tasks: each task's latest progress note, the database's identity. */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { IsoDate } from '../domain/dates.js';
import type { Db } from './connect.js';

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
  const result = await sql<{ first: string | null }>`select min(timestamp) as first from kysely_migration`.execute(db);
  const first = result.rows[0]?.first ?? 'tasks';
  return createHash('sha256').update(String(first)).digest('hex').slice(0, 12);
}
