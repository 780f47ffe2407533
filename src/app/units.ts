/** `tasks unit import|list|add|edit|deactivate`: the registry of the Sở's units. */
import { pausePoint } from '../db/pause-point.js';
import { readSettings, writeSetting } from '../db/setting-repository.js';
import { insertUnit, loadRegistry, saveGroup, updateUnit, type UnitFields } from '../db/unit-repository.js';
import { NotFoundError, ValidationError, t } from '../domain/errors.js';
import { agencyLineOf, placeOf } from '../domain/settings.js';
import { MAX_UNIT_NAME } from '../domain/limits.js';
import { cleanLine } from '../domain/text.js';
import { checkCode, checkEmail, checkNamesUnique, parseUnitList, type UnitEntry } from '../domain/unit-list.js';
import type { Registry, Unit } from '../domain/units.js';
import { audit, inTransaction, type Context } from './context.js';

export interface ImportSummary {
  organization: string | null;
  added: string[];
  updated: string[];
  unchanged: string[];
  groups: string[];
  /** Units in the database that the file does not mention: left as they are. */
  notInFile: string[];
  /** The report header's agency (org.parent) this import set from "organization"; null when it set none. */
  agency: string | null;
}

function entryOf(unit: Unit): UnitEntry {
  return { code: unit.code, name: unit.name, aliases: unit.aliases, head: unit.head, email: unit.email };
}

function sameEntry(a: UnitEntry, b: UnitEntry): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function importUnits(ctx: Context, content: string): Promise<ImportSummary> {
  const list = parseUnitList(content);
  return inTransaction(ctx, async (trx) => {
    const registry = await loadRegistry(trx.db);
    const byCode = new Map(registry.units.map((u) => [u.code, u]));
    const inFile = new Set(list.units.map((u) => u.code));
    const kept = registry.units.filter((u) => !inFile.has(u.code)).map(entryOf);
    checkNamesUnique([...list.units, ...kept], list.groups);
    const summary: ImportSummary = { organization: list.organization, added: [], updated: [], unchanged: [], groups: [], notInFile: kept.map((u) => u.code), agency: null };
    for (const entry of list.units) {
      const existing = byCode.get(entry.code);
      const fields: UnitFields = { ...entry, active: true };
      if (!existing) {
        const id = await insertUnit(trx.db, fields);
        await audit(trx, 'unit.add', { unitId: id }, { ...entry });
        summary.added.push(entry.code);
      } else if (!sameEntry(entryOf(existing), entry) || !existing.active) {
        await updateUnit(trx.db, existing.id, fields);
        await audit(trx, 'unit.edit', { unitId: existing.id }, { before: entryOf(existing), after: entry });
        summary.updated.push(entry.code);
      } else {
        summary.unchanged.push(entry.code);
      }
    }
    const after = await loadRegistry(trx.db);
    for (const group of list.groups) {
      const memberIds = group.members === null ? null : group.members.map((code) => after.units.find((u) => u.code === code)!.id);
      await saveGroup(trx.db, { name: group.name, aliases: group.aliases, memberIds });
      summary.groups.push(group.name);
    }
    if (list.groups.length) await audit(trx, 'unit.groups', {}, { groups: list.groups });
    // The first unit list names the agency for the reports; a value set by hand is never replaced.
    const stored = list.organization ? await readSettings(trx.db) : new Map<string, string>();
    if (list.organization && !stored.has('org.parent')) {
      const agency = agencyLineOf(list.organization);
      await writeSetting(trx.db, 'org.parent', agency, trx.now().toISOString(), trx.actor);
      await audit(trx, 'config.set', {}, { key: 'org.parent', before: null, after: agency, from: 'organization' });
      summary.agency = agency;
    }
    const place = list.organization ? placeOf(list.organization) : null;
    if (place && !stored.has('org.place')) {
      await writeSetting(trx.db, 'org.place', place, trx.now().toISOString(), trx.actor);
      await audit(trx, 'config.set', {}, { key: 'org.place', before: null, after: place, from: 'organization' });
    }
    await pausePoint('unit-import:commit');
    return summary;
  });
}

export async function listUnits(ctx: Context, includeInactive: boolean): Promise<Registry> {
  const registry = await loadRegistry(ctx.db);
  return { ...registry, units: registry.units.filter((u) => includeInactive || u.active) };
}

function findByCode(registry: Registry, code: string): Unit {
  const unit = registry.units.find((u) => u.code === code.toUpperCase());
  if (!unit) {
    throw new NotFoundError(t(`không có đơn vị mã "${code}"`, `no unit with code "${code}"`), t('xem các mã bằng "tasks unit list --all"', 'see the codes with "tasks unit list --all"'));
  }
  return unit;
}

export interface UnitInput {
  code?: string;
  name?: string;
  aliases?: string[];
  head?: string | null;
  email?: string | null;
  active?: boolean;
}

function normalise(input: UnitInput, base: UnitFields): UnitFields {
  const name = input.name === undefined ? base.name : cleanLine(input.name);
  if (!name) throw new ValidationError(t('tên đơn vị để trống', 'the unit name is empty'));
  if (name.length > MAX_UNIT_NAME) throw new ValidationError(t(`tên đơn vị dài ${name.length} ký tự, tối đa ${MAX_UNIT_NAME}`, `the unit name is ${name.length} characters long, at most ${MAX_UNIT_NAME}`));
  const head = input.head === undefined ? base.head : cleanLine(input.head ?? '') || null;
  const email = input.email === undefined ? base.email : cleanLine(input.email ?? '') || null;
  return {
    code: input.code === undefined ? base.code : checkCode(cleanLine(input.code), 'mã'),
    name,
    aliases: input.aliases === undefined ? base.aliases : input.aliases.map(cleanLine).filter(Boolean),
    head,
    email: checkEmail(email, 'email'),
    active: input.active ?? base.active,
  };
}

function checkAgainst(registry: Registry, fields: UnitFields, exceptId: number | null): void {
  const others = registry.units.filter((u) => u.id !== exceptId).map(entryOf);
  if (others.some((u) => u.code === fields.code)) {
    throw new ValidationError(t(`mã đơn vị "${fields.code}" đã có`, `unit code "${fields.code}" exists already`));
  }
  checkNamesUnique([...others, fields], registry.groups.map((g) => ({ name: g.name, aliases: g.aliases, members: g.members })));
}

export function addUnit(ctx: Context, input: UnitInput & { code: string; name: string }): Promise<Unit> {
  return inTransaction(ctx, async (trx) => {
    const registry = await loadRegistry(trx.db);
    const fields = normalise(input, { code: '', name: '', aliases: [], head: null, email: null, active: true });
    checkAgainst(registry, fields, null);
    const id = await insertUnit(trx.db, fields);
    await audit(trx, 'unit.add', { unitId: id }, { ...fields });
    return findByCode(await loadRegistry(trx.db), fields.code);
  });
}

export function editUnit(ctx: Context, code: string, input: UnitInput): Promise<Unit> {
  return inTransaction(ctx, async (trx) => {
    const registry = await loadRegistry(trx.db);
    const unit = findByCode(registry, code);
    const fields = normalise(input, { ...entryOf(unit), active: unit.active });
    checkAgainst(registry, fields, unit.id);
    await updateUnit(trx.db, unit.id, fields);
    await audit(trx, input.active === false ? 'unit.deactivate' : 'unit.edit', { unitId: unit.id }, { before: { ...entryOf(unit), active: unit.active }, after: fields });
    return findByCode(await loadRegistry(trx.db), fields.code);
  });
}
