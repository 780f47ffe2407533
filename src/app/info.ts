/** `tasks info`: where the database is, its schema version and what it holds. */
import { schemaVersion } from '../db/migrate.js';
import { countSources } from '../db/source-repository.js';
import { countTasks } from '../db/task-repository.js';
import { loadRegistry } from '../db/unit-repository.js';
import type { IsoDate } from '../domain/dates.js';
import type { Context } from './context.js';

export interface Info {
  database: string;
  schemaVersion: string | null;
  today: IsoDate;
  actor: string;
  units: number;
  activeUnits: number;
  groups: number;
  sources: number;
  tasks: number;
}

export async function getInfo(ctx: Context, database: string): Promise<Info> {
  const registry = await loadRegistry(ctx.db);
  return {
    database,
    schemaVersion: await schemaVersion(ctx.db),
    today: ctx.today,
    actor: ctx.actor,
    units: registry.units.length,
    activeUnits: registry.units.filter((u) => u.active).length,
    groups: registry.groups.length,
    sources: await countSources(ctx.db),
    tasks: await countTasks(ctx.db),
  };
}
