/**
 * Reading and writing whole tables, for `tasks db copy`: rows keep their ids, and PostgreSQL's
 * identity sequences are moved past the copied ids so the next row added gets a new one.
 */
import { sql } from 'kysely';
import type { Db } from './database.js';
import { dialectOf } from './dialect.js';
import type { Database } from './schema.js';

type Table = keyof Database;


/** Every table, parents before children, each with the key it is read in order of. */
export const TABLES: { name: Table; key: string[]; id: boolean }[] = [
  { name: 'unit', key: ['id'], id: true },
  { name: 'unit_alias', key: ['id'], id: true },
  { name: 'unit_group', key: ['id'], id: true },
  { name: 'unit_group_alias', key: ['id'], id: true },
  { name: 'unit_group_member', key: ['group_id', 'unit_id'], id: false },
  { name: 'source', key: ['id'], id: true },
  { name: 'directive', key: ['id'], id: true },
  { name: 'series', key: ['id'], id: true },
  { name: 'series_coordinator', key: ['series_id', 'unit_id'], id: false },
  { name: 'task', key: ['id'], id: true },
  { name: 'task_coordinator', key: ['task_id', 'unit_id'], id: false },
  { name: 'progress_note', key: ['id'], id: true },
  { name: 'extension', key: ['id'], id: true },
  { name: 'extension_request', key: ['id'], id: true },
  { name: 'audit_event', key: ['id'], id: true },
  { name: 'calendar_day', key: ['id'], id: true },
  { name: 'setting', key: ['key'], id: false },
  { name: 'reminder', key: ['id'], id: true },
  { name: 'person', key: ['id'], id: true },
  { name: 'login_token', key: ['id'], id: true },
  { name: 'web_session', key: ['id'], id: true },
];

export async function countRows(db: Db, table: Table): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The table's rows in key order, a page at a time, so a large tracker is never all in memory. */
export async function* readRows(db: Db, table: { name: Table; key: string[] }, page = 5000): AsyncGenerator<Record<string, unknown>[]> {
  for (let offset = 0; ; offset += page) {
    const q = sql`select * from ${sql.table(table.name)} order by ${sql.join(table.key.map((k) => sql.ref(k)))} limit ${page} offset ${offset}`;
    const rows = (await q.execute(db)).rows as Record<string, unknown>[];
    if (rows.length) yield rows;
    if (rows.length < page) return;
  }
}

/** Inserts rows as they are, ids included, in statements small enough for either database. */
export async function writeRows(db: Db, table: Table, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const per = Math.max(1, Math.floor(8000 / Object.keys(rows[0]).length));
  for (let i = 0; i < rows.length; i += per) {
    await db.insertInto(table).values(rows.slice(i, i + per) as never).execute();
  }
}

/** PostgreSQL: the next generated id comes after the largest copied one. SQLite does this itself. */
export async function moveSequencePast(db: Db, table: Table): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
}

/**
 * PostgreSQL, after the copy has committed: statistics for the planner and the visibility map
 * that lets the daily view read its index alone. Until autovacuum gets round to a freshly loaded
 * table the planner knows nothing of it. (VACUUM cannot run inside a transaction.)
 */
export async function analyzeCopy(db: Db): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`vacuum analyze`.execute(db);
}
