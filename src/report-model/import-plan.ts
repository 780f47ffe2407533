/** A directive of `tasks import` after the review, as it is shown and written. */
import type { IsoDate } from '../domain/dates.js';
import type { Period } from '../domain/recurrence.js';
import type { Unit } from '../domain/units.js';
import type { Flag, ProposedDirective } from '../import/types.js';

/** One directive as it will be written, after the review and the --default-due/--fallback-unit rules. */
export interface PlannedDirective {
  ordinal: string;
  text: string;
  lead: Unit[];
  /** Whether one more task, with no unit, carries the owner the registry does not know. */
  unassigned: boolean;
  ownerText: string | null;
  coordinating: Unit[];
  schedule: 'once' | 'ongoing' | 'recurring';
  due: IsoDate | null;
  every: Period | null;
  day: number | null;
  flags: Flag[];
  /** The words that decided the owner and the timing, and where they stand in the source. */
  evidence: ProposedDirective['evidence'];
  skipped: boolean;
}
