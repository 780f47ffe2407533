/** Stored configuration values (`tasks config`). */
import type { Db } from './database.js';

export async function readSettings(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function writeSetting(db: Db, key: string, value: string, at: string, by: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: by }))
    .execute();
}

/** True when the key had a stored value. */
export async function deleteSetting(db: Db, key: string): Promise<boolean> {
  const result = await db.deleteFrom('setting').where('key', '=', key).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
