/** Units, their aliases and groups. */
import type { Registry, Unit, UnitGroup } from '../domain/units.js';
import type { Db } from './database.js';

export async function loadRegistry(db: Db): Promise<Registry> {
  const [units, aliases, groups, groupAliases, members] = await Promise.all([
    db.selectFrom('unit').selectAll().orderBy('position').orderBy('id').execute(),
    db.selectFrom('unit_alias').selectAll().orderBy('id').execute(),
    db.selectFrom('unit_group').selectAll().orderBy('position').orderBy('id').execute(),
    db.selectFrom('unit_group_alias').selectAll().orderBy('id').execute(),
    db
      .selectFrom('unit_group_member')
      .innerJoin('unit', 'unit.id', 'unit_group_member.unit_id')
      .select(['unit_group_member.group_id', 'unit.code'])
      .orderBy('unit_group_member.position')
      .execute(),
  ]);
  return {
    units: units.map(
      (u): Unit => ({
        id: u.id,
        code: u.code,
        name: u.name,
        aliases: aliases.filter((a) => a.unit_id === u.id).map((a) => a.alias),
        head: u.head,
        email: u.email,
        active: u.active === 1,
        position: u.position,
      }),
    ),
    groups: groups.map(
      (g): UnitGroup => ({
        id: g.id,
        name: g.name,
        aliases: groupAliases.filter((a) => a.group_id === g.id).map((a) => a.alias),
        members: g.all_units === 1 ? null : members.filter((m) => m.group_id === g.id).map((m) => m.code),
      }),
    ),
  };
}

export type UnitFields = Omit<Unit, 'id' | 'position'>;

async function nextPosition(db: Db, table: 'unit' | 'unit_group'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

async function setUnitAliases(db: Db, unitId: number, aliases: string[]): Promise<void> {
  await db.deleteFrom('unit_alias').where('unit_id', '=', unitId).execute();
  if (aliases.length) await db.insertInto('unit_alias').values(aliases.map((alias) => ({ unit_id: unitId, alias }))).execute();
}

export async function insertUnit(db: Db, fields: UnitFields): Promise<number> {
  const { id } = await db
    .insertInto('unit')
    .values({
      code: fields.code,
      name: fields.name,
      head: fields.head,
      email: fields.email,
      active: fields.active ? 1 : 0,
      position: await nextPosition(db, 'unit'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await setUnitAliases(db, id, fields.aliases);
  return id;
}

export async function updateUnit(db: Db, id: number, fields: UnitFields): Promise<void> {
  await db
    .updateTable('unit')
    .set({ code: fields.code, name: fields.name, head: fields.head, email: fields.email, active: fields.active ? 1 : 0 })
    .where('id', '=', id)
    .execute();
  await setUnitAliases(db, id, fields.aliases);
}

export interface GroupFields {
  name: string;
  aliases: string[];
  /** Unit ids, or null for every active unit. */
  memberIds: number[] | null;
}

/** Inserts or replaces a group by its name. */
export async function saveGroup(db: Db, fields: GroupFields): Promise<number> {
  const existing = await db.selectFrom('unit_group').select('id').where('name', '=', fields.name).executeTakeFirst();
  const id =
    existing?.id ??
    (
      await db
        .insertInto('unit_group')
        .values({ name: fields.name, all_units: 0, position: await nextPosition(db, 'unit_group') })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  await db.updateTable('unit_group').set({ all_units: fields.memberIds === null ? 1 : 0 }).where('id', '=', id).execute();
  await db.deleteFrom('unit_group_alias').where('group_id', '=', id).execute();
  if (fields.aliases.length) {
    await db.insertInto('unit_group_alias').values(fields.aliases.map((alias) => ({ group_id: id, alias }))).execute();
  }
  await db.deleteFrom('unit_group_member').where('group_id', '=', id).execute();
  if (fields.memberIds?.length) {
    await db
      .insertInto('unit_group_member')
      .values(fields.memberIds.map((unit_id, position) => ({ group_id: id, unit_id, position })))
      .execute();
  }
  return id;
}
