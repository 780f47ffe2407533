/**
 * `tasks stats`: the on-time rate per unit over a period, for the PAR Index self-assessment
 * ("tỷ lệ nhiệm vụ hoàn thành đúng hạn"). A task counts when its due date in force at the as-of
 * day falls within [from, to]; ongoing and undated tasks have no due date and are left out.
 */
import { loadRegistry } from '../db/unit-repository.js';
import { formatDate, type IsoDate } from '../domain/dates.js';
import { ValidationError, t } from '../domain/errors.js';
import { resolveUnits } from '../domain/units.js';
import { countBucket, emptyCounts, type Counts } from '../domain/digest/model.js';
import { tallyBuckets } from './bucket-counts.js';
import type { Context } from './context.js';
import type { Stats, StatsCounts } from '../report-model/stats.js';

export interface StatsRequest {
  from: IsoDate | null;
  to: IsoDate | null;
  unit: string | null;
}



function renamed(c: Counts): StatsCounts {
  const { assigned, ...rest } = c;
  return { tasks: assigned, ...rest };
}

export async function periodStats(ctx: Context, request: StatsRequest): Promise<Stats> {
  const from = request.from ?? `${ctx.today.slice(0, 4)}-01-01`;
  const to = request.to ?? ctx.today;
  if (from > to) {
    throw new ValidationError(t(`--from ${formatDate(from)} sau --to ${formatDate(to)}`, `--from ${from} is after --to ${to}`), t('ví dụ: tasks stats --from 01/01/2026 --to 30/06/2026', 'e.g. tasks stats --from 2026-01-01 --to 2026-06-30'));
  }
  const registry = await loadRegistry(ctx.db);
  const chosen = request.unit === null ? null : resolveUnits(registry, request.unit);
  const unitById = new Map(registry.units.map((u) => [u.id, { code: u.code, name: u.name }]));
  const tally = await tallyBuckets(ctx, { asOf: ctx.today, dueWithin: { from, to }, leadUnitIds: chosen?.map((u) => u.id) }, unitById);
  const totals = emptyCounts();
  const byUnit = new Map<string | null, { code: string | null; name: string; counts: Counts }>();
  for (const u of chosen ?? registry.units.filter((x) => x.active)) byUnit.set(u.code, { code: u.code, name: u.name, counts: emptyCounts() });
  for (const { bucket, lead, n } of tally) {
    countBucket(totals, bucket, n);
    const code = lead?.code ?? null;
    let row = byUnit.get(code);
    if (!row) {
      row = { code, name: lead?.name ?? '', counts: emptyCounts() };
      byUnit.set(code, row);
    }
    countBucket(row.counts, bucket, n);
  }
  const units = [...byUnit.values()]
    .sort((a, b) => Number(a.code === null) - Number(b.code === null))
    .map((u) => ({ code: u.code, name: u.name, ...renamed(u.counts) }));
  return { period: { from, to, asOf: ctx.today }, unitFilter: chosen?.map((u) => ({ code: u.code, name: u.name })) ?? null, totals: renamed(totals), units };
}
