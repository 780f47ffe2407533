/** The people of a shared tracker and their roles. */
import { sql } from 'kysely';
import { ConflictError, t } from '../domain/errors.js';
import type { Person, Role } from '../domain/roles.js';
import type { Db } from './database.js';

interface PersonJoined {
  id: number;
  login: string;
  name: string;
  role: string;
  unit_id: number | null;
  unit_code: string | null;
  unit_name: string | null;
}

function toPerson(r: PersonJoined): Person {
  return {
    id: r.id,
    login: r.login,
    name: r.name,
    role: r.role as Role,
    unit: r.unit_id !== null && r.unit_code !== null ? { id: r.unit_id, code: r.unit_code, name: r.unit_name ?? '' } : null,
  };
}

/**
 * How many people are registered and which of them `login` is, in one query: every command asks
 * this as it starts, and on a shared server each query is a round trip.
 */
export async function findActing(db: Db, login: string): Promise<{ people: number; person: Person | null }> {
  const result = await sql<PersonJoined & { people: number | string }>`
    select (select count(*) from person) as people, p.id, p.login, p.name, p.role, p.unit_id, u.code as unit_code, u.name as unit_name
    from (select 1 as one) as x
    left join person as p on p.login = ${login}
    left join unit as u on u.id = p.unit_id`.execute(db);
  const row = result.rows[0];
  return { people: Number(row?.people ?? 0), person: row && row.id !== null ? toPerson(row) : null };
}

export async function listPeople(db: Db): Promise<Person[]> {
  const rows = await db
    .selectFrom('person')
    .leftJoin('unit', 'unit.id', 'person.unit_id')
    .select(['person.id', 'person.login', 'person.name', 'person.role', 'person.unit_id', 'unit.code as unit_code', 'unit.name as unit_name'])
    .orderBy('person.id')
    .execute();
  return rows.map(toPerson);
}

export async function findPersonByLogin(db: Db, login: string): Promise<Person | null> {
  return (await listPeople(db)).find((p) => p.login === login) ?? null;
}

export interface PersonFields {
  login: string;
  name: string;
  role: Role;
  unitId: number | null;
}

function isUniqueViolation(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export async function insertPerson(db: Db, fields: PersonFields, at: string): Promise<number> {
  try {
    const { id } = await db
      .insertInto('person')
      .values({ login: fields.login, name: fields.name, role: fields.role, unit_id: fields.unitId, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new ConflictError(t(`đã có người dùng "${fields.login}"`, `user "${fields.login}" already exists`), t('đổi vai trò bằng "tasks user set-role"', 'change the role with "tasks user set-role"'));
  }
}

export async function updatePersonRole(db: Db, id: number, role: Role, unitId: number | null, at: string): Promise<void> {
  await db.updateTable('person').set({ role, unit_id: unitId, updated_at: at }).where('id', '=', id).execute();
}
