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
  email: string | null;
}

function toPerson(r: PersonJoined): Person {
  return {
    id: r.id,
    login: r.login,
    name: r.name,
    role: r.role as Role,
    unit: r.unit_id !== null && r.unit_code !== null ? { id: r.unit_id, code: r.unit_code, name: r.unit_name ?? '' } : null,
    email: r.email ?? null,
  };
}

/**
 * How many people are registered and which of them `login` is, in one query: every command asks
 * this as it starts, and on a shared server each query is a round trip.
 */
export async function findActing(db: Db, login: string): Promise<{ people: number; person: Person | null }> {
  const result = await sql<PersonJoined & { people: number | string }>`
    select (select count(*) from person) as people, p.id, p.login, p.name, p.role, p.unit_id, p.email, u.code as unit_code, u.name as unit_name
    from (select 1 as one) as x
    left join person as p on p.login = ${login}
    left join unit as u on u.id = p.unit_id`.execute(db);
  const row = result.rows[0];
  return { people: Number(row?.people ?? 0), person: row && row.id !== null ? toPerson(row) : null };
}

function selectPeople(db: Db) {
  return db
    .selectFrom('person')
    .leftJoin('unit', 'unit.id', 'person.unit_id')
    .select(['person.id', 'person.login', 'person.name', 'person.role', 'person.unit_id', 'person.email', 'unit.code as unit_code', 'unit.name as unit_name']);
}

export async function listPeople(db: Db): Promise<Person[]> {
  const rows = await selectPeople(db).orderBy('person.id').execute();
  return rows.map(toPerson);
}

export async function findPersonById(db: Db, id: number): Promise<Person | null> {
  const row = await selectPeople(db).where('person.id', '=', id).executeTakeFirst();
  return row ? toPerson(row) : null;
}

/** `email` in its normal form (domain/email.ts). */
export async function findPersonByEmail(db: Db, email: string): Promise<Person | null> {
  const row = await selectPeople(db).where('person.email', '=', email).executeTakeFirst();
  return row ? toPerson(row) : null;
}

/** The heads registered for a unit, with their addresses. */
export async function findHeadsOf(db: Db, unitId: number): Promise<Person[]> {
  const rows = await selectPeople(db).where('person.unit_id', '=', unitId).where('person.role', '=', 'head').orderBy('person.id').execute();
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
  email?: string | null;
}

function isUniqueViolation(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export async function insertPerson(db: Db, fields: PersonFields, at: string): Promise<number> {
  try {
    const { id } = await db
      .insertInto('person')
      .values({ login: fields.login, name: fields.name, role: fields.role, unit_id: fields.unitId, email: fields.email ?? null, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (fields.email && /email/.test(String((error as Error).message))) throw emailTaken(fields.email);
    throw new ConflictError(t(`đã có người dùng "${fields.login}"`, `user "${fields.login}" already exists`), t('đổi vai trò bằng "tasks user set-role"', 'change the role with "tasks user set-role"'));
  }
}

export async function updatePersonRole(db: Db, id: number, role: Role, unitId: number | null, at: string): Promise<void> {
  await db.updateTable('person').set({ role, unit_id: unitId, updated_at: at }).where('id', '=', id).execute();
}

function emailTaken(email: string): ConflictError {
  return new ConflictError(t(`địa chỉ ${email} đã là của người dùng khác`, `${email} already belongs to another user`), t('mỗi người một địa chỉ thư điện tử', 'one address per person'));
}

export async function updatePersonDetails(db: Db, id: number, fields: { name?: string; email?: string | null }, at: string): Promise<void> {
  try {
    await db.updateTable('person').set({ ...fields, updated_at: at }).where('id', '=', id).execute();
  } catch (error) {
    if (!isUniqueViolation(error) || !fields.email) throw error;
    throw emailTaken(fields.email);
  }
}
