/**
 * How many tasks sit in each bucket, by lead unit, at the end of a day: the database counts the
 * tasks whose due date then is the stored one; the few extended later are judged here, by the
 * domain's rule, from their extension history.
 */
import { countBuckets, listExtendedAfter, type FactsRange } from '../db/digest-repository.js';
import { statusOf, type Bucket } from '../domain/status.js';
import type { UnitRef } from '../domain/task.js';
import type { Context } from './context.js';

export interface BucketTally {
  bucket: Bucket;
  lead: UnitRef | null;
  n: number;
}

export async function tallyBuckets(ctx: Context, range: FactsRange, units: ReadonlyMap<number, UnitRef>): Promise<BucketTally[]> {
  const lead = (id: number | null) => (id === null ? null : units.get(id) ?? null);
  const [grouped, later] = await Promise.all([countBuckets(ctx.db, range), listExtendedAfter(ctx.db, range)]);
  const tally = grouped.map((g) => ({ bucket: g.bucket, lead: lead(g.leadUnitId), n: g.n }));
  for (const facts of later) {
    const status = statusOf(facts, range.asOf);
    const within = range.dueWithin;
    if (within && (status.due === null || status.due < within.from || status.due > within.to)) continue;
    tally.push({ bucket: status.bucket, lead: lead(facts.leadUnitId), n: 1 });
  }
  return tally;
}
