/**
 * The web page's sign-in links and sessions. Only hashes are stored: whoever reads the database
 * (a backup, a copy) cannot sign in with what it finds there.
 */
import type { Db } from './connect.js';

export interface StoredToken {
  id: number;
  personId: number;
  expiresAt: string;
  usedAt: string | null;
}

export async function insertLoginToken(db: Db, personId: number, tokenHash: string, at: string, expiresAt: string): Promise<void> {
  await db.insertInto('login_token').values({ person_id: personId, token_hash: tokenHash, created_at: at, expires_at: expiresAt, used_at: null }).execute();
}

export async function findLoginToken(db: Db, tokenHash: string): Promise<StoredToken | null> {
  const r = await db.selectFrom('login_token').select(['id', 'person_id', 'expires_at', 'used_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
  return r ? { id: r.id, personId: r.person_id, expiresAt: r.expires_at, usedAt: r.used_at } : null;
}

/** True for the one caller that marks the token used: two clicks at once sign in once. */
export async function markTokenUsed(db: Db, id: number, at: string): Promise<boolean> {
  const result = await db.updateTable('login_token').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many links were sent to this person since `since`. */
export async function countTokensSince(db: Db, personId: number, since: string): Promise<number> {
  const r = await db.selectFrom('login_token').select((eb) => eb.fn.countAll<number | string>().as('n')).where('person_id', '=', personId).where('created_at', '>=', since).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertSession(db: Db, personId: number, sessionHash: string, at: string, expiresAt: string): Promise<void> {
  await db.insertInto('web_session').values({ person_id: personId, session_hash: sessionHash, created_at: at, expires_at: expiresAt, ended_at: null }).execute();
}

/** The person a live session belongs to, or null (unknown, ended or expired). */
export async function findSessionPerson(db: Db, sessionHash: string, now: string): Promise<number | null> {
  const r = await db
    .selectFrom('web_session')
    .select('person_id')
    .where('session_hash', '=', sessionHash)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return r ? r.person_id : null;
}

export async function endSession(db: Db, sessionHash: string, at: string): Promise<void> {
  await db.updateTable('web_session').set({ ended_at: at }).where('session_hash', '=', sessionHash).where('ended_at', 'is', null).execute();
}

/** The server's signing key: read, or made once (the first of two servers to store it wins). */
export async function readOrCreateSecret(db: Db, key: string, fresh: string, at: string): Promise<string> {
  await db.insertInto('setting').values({ key, value: fresh, updated_at: at, updated_by: 'tasks serve' }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirstOrThrow();
  return row.value;
}
