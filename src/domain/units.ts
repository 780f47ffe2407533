/**
 * The unit registry of one Sở and how a name typed by a user, or found in a document, resolves
 * to units: by code, name or alias, case-folded and without diacritics.
 */
import { NotFoundError, ValidationError, t } from './errors.js';
import { editDistance, fold } from './text.js';

export interface Unit {
  id: number;
  code: string;
  name: string;
  aliases: string[];
  head: string | null;
  email: string | null;
  active: boolean;
  position: number;
}

export interface UnitGroup {
  id: number;
  name: string;
  aliases: string[];
  /** null means every active unit, in registry order. */
  members: string[] | null;
}

export interface Registry {
  units: Unit[];
  groups: UnitGroup[];
}

export type Resolved = { kind: 'unit'; unit: Unit } | { kind: 'group'; group: UnitGroup; units: Unit[] };

function namesOfUnit(unit: Unit): string[] {
  return [unit.code, unit.name, ...unit.aliases];
}

function namesOfGroup(group: UnitGroup): string[] {
  return [group.name, ...group.aliases];
}

/** The active member units of a group, in registry order. */
export function membersOf(registry: Registry, group: UnitGroup): Unit[] {
  const active = registry.units.filter((u) => u.active).sort((a, b) => a.position - b.position);
  if (group.members === null) return active;
  const codes = new Set(group.members.map((c) => c.toUpperCase()));
  return active.filter((u) => codes.has(u.code.toUpperCase()));
}

/** Finds a unit or group by exact (folded) code, name or alias; null when nothing matches. */
export function findUnitOrGroup(registry: Registry, name: string): Resolved | null {
  const key = fold(name);
  if (!key) return null;
  const unit =
    registry.units.find((u) => u.active && namesOfUnit(u).some((n) => fold(n) === key)) ??
    registry.units.find((u) => namesOfUnit(u).some((n) => fold(n) === key));
  if (unit) return { kind: 'unit', unit };
  const group = registry.groups.find((g) => namesOfGroup(g).some((n) => fold(n) === key));
  if (group) return { kind: 'group', group, units: membersOf(registry, group) };
  return null;
}

/** The registry names closest to what was typed, for a hint. */
export function closestNames(registry: Registry, name: string, count = 3): string[] {
  const key = fold(name);
  const candidates = [
    ...registry.units.filter((u) => u.active).map((u) => ({ label: `${u.name} (${u.code})`, names: namesOfUnit(u) })),
    ...registry.groups.map((g) => ({ label: g.name, names: namesOfGroup(g) })),
  ];
  return candidates
    .map((c) => ({
      label: c.label,
      score: Math.min(
        ...c.names.map((n) => {
          const f = fold(n);
          return f.includes(key) || key.includes(f) ? 0 : editDistance(f, key);
        }),
      ),
    }))
    .sort((a, b) => a.score - b.score)
    .slice(0, count)
    .map((c) => c.label);
}

function unknownUnit(registry: Registry, name: string): NotFoundError {
  const near = closestNames(registry, name);
  const hint = near.length
    ? t(`có phải: ${near.join('; ')}? Xem "tasks unit list"`, `did you mean: ${near.join('; ')}? See "tasks unit list"`)
    : t('chưa có đơn vị nào: nạp danh sách bằng "tasks unit import FILE"', 'no units yet: load a list with "tasks unit import FILE"');
  return new NotFoundError(t(`không có đơn vị "${name}"`, `no unit "${name}"`), hint);
}

function requireActive(unit: Unit): Unit {
  if (!unit.active) {
    throw new ValidationError(
      t(`đơn vị "${unit.name}" đã ngừng hoạt động`, `unit "${unit.name}" is deactivated`),
      t(`giao cho đơn vị khác, hoặc kích hoạt lại bằng "tasks unit edit ${unit.code} --active"`, `assign another unit, or reactivate it with "tasks unit edit ${unit.code} --active"`),
    );
  }
  return unit;
}

/** Resolves a name to the units it stands for: one for a unit, the members for a group. */
export function resolveUnits(registry: Registry, name: string): Unit[] {
  const found = findUnitOrGroup(registry, name);
  if (!found) throw unknownUnit(registry, name);
  if (found.kind === 'unit') return [requireActive(found.unit)];
  if (found.units.length === 0) {
    throw new ValidationError(t(`nhóm "${found.group.name}" không có đơn vị nào`, `group "${found.group.name}" has no units`));
  }
  return found.units;
}

/** Resolves a name that must stand for exactly one active unit: the lead of an existing task. */
export function resolveOneUnit(registry: Registry, name: string): Unit {
  const found = findUnitOrGroup(registry, name);
  if (!found) throw unknownUnit(registry, name);
  if (found.kind === 'group') {
    throw new ValidationError(
      t(`"${name}" là một nhóm, không phải một đơn vị`, `"${name}" is a group, not a unit`),
      t('nêu mã của một đơn vị, ví dụ VP', 'name one unit by its code, e.g. VP'),
    );
  }
  return requireActive(found.unit);
}
