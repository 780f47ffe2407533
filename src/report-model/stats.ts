/** The on-time rate of `tasks stats`, as its renderers receive it. */
import type { IsoDate } from '../domain/dates.js';
import type { Counts } from '../domain/digest/model.js';

export type StatsCounts = Omit<Counts, 'assigned'> & { tasks: number };

export interface Stats {
  period: { from: IsoDate; to: IsoDate; asOf: IsoDate };
  unitFilter: { code: string; name: string }[] | null;
  totals: StatsCounts;
  units: (StatsCounts & { code: string | null; name: string })[];
}
