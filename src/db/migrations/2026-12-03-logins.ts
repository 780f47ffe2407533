/**
 * Logins stored in their one spelling (NFC, lower case, trimmed: domain/login.ts), as every
 * command now compares them; a login whose normal form another person already has is left as
 * it was rather than merged. Frozen.
 */
import type { Kysely } from 'kysely';
import { normaliseLogin } from '../../domain/login.js';

export async function up(db: Kysely<any>): Promise<void> {
  const people = (await db.selectFrom('person').select(['id', 'login']).orderBy('id').execute()) as { id: number; login: string }[];
  const taken = new Set(people.map((p) => p.login));
  for (const person of people) {
    const login = normaliseLogin(person.login);
    if (login === person.login || taken.has(login)) continue;
    await db.updateTable('person').set({ login }).where('id', '=', person.id).execute();
    taken.delete(person.login);
    taken.add(login);
  }
}
