/**
 * Status buckets, the way the government's task-tracking statistics count them. Status is never
 * stored: it is derived here from the facts (due dates, extensions, completion, cancellation)
 * as they stood at the end of the "as of" day.
 */
import { daysBetween, type IsoDate } from './dates.js';

export const BUCKETS = [
  'done_on_time',
  'done_late',
  'open_in_term',
  'open_overdue',
  'ongoing',
  'cancelled',
  'undated',
] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface ExtensionFact {
  to: IsoDate;
  grantedOn: IsoDate;
}

export interface TaskFacts {
  ongoing: boolean;
  /** The due date first set, before any extension. */
  originalDue: IsoDate | null;
  /** In the order they were granted. */
  extensions: readonly ExtensionFact[];
  completedOn: IsoDate | null;
  cancelledOn: IsoDate | null;
}

export interface Status {
  bucket: Bucket;
  /** The due date in force at the end of the as-of day. */
  due: IsoDate | null;
  /** Calendar days past the due date: for open overdue tasks up to the as-of day, for late ones up to completion. */
  daysLate: number | null;
}

/** The due date in force on `asOf`: the last extension granted by then, else the original. */
export function dueInForce(facts: Pick<TaskFacts, 'originalDue' | 'extensions'>, asOf: IsoDate): IsoDate | null {
  let due = facts.originalDue;
  for (const e of facts.extensions) if (e.grantedOn <= asOf) due = e.to;
  return due;
}

export function statusOf(facts: TaskFacts, asOf: IsoDate): Status {
  const due = facts.ongoing ? null : dueInForce(facts, asOf);
  if (facts.cancelledOn !== null && facts.cancelledOn <= asOf) return { bucket: 'cancelled', due, daysLate: null };
  if (facts.completedOn !== null && facts.completedOn <= asOf) {
    // A task with no deadline cannot be finished late.
    if (due === null || facts.completedOn <= due) return { bucket: 'done_on_time', due, daysLate: null };
    return { bucket: 'done_late', due, daysLate: daysBetween(due, facts.completedOn) };
  }
  if (facts.ongoing) return { bucket: 'ongoing', due: null, daysLate: null };
  if (due === null) return { bucket: 'undated', due, daysLate: null };
  if (asOf <= due) return { bucket: 'open_in_term', due, daysLate: null };
  return { bucket: 'open_overdue', due, daysLate: daysBetween(due, asOf) };
}

export function isOpen(bucket: Bucket): boolean {
  return bucket === 'open_in_term' || bucket === 'open_overdue' || bucket === 'undated' || bucket === 'ongoing';
}

export function isDone(bucket: Bucket): boolean {
  return bucket === 'done_on_time' || bucket === 'done_late';
}
