/** A unit registry built from a unit list file, for parser tests that need no database. */
import fs from 'node:fs';
import { parseUnitList } from '../../src/domain/unit-list.js';
import type { Registry } from '../../src/domain/units.js';

export function registryFrom(json: string): Registry {
  const list = parseUnitList(json);
  const units = list.units.map((u, i) => ({ ...u, id: i + 1, active: true, position: i + 1 }));
  const groups = list.groups.map((g, i) => ({ id: i + 1, name: g.name, aliases: g.aliases, members: g.members }));
  return { units, groups };
}

export function registryFile(file: string): Registry {
  return registryFrom(fs.readFileSync(file, 'utf8'));
}
