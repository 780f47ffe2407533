/**
 * The orders tasks are listed in, the same in the daily view, the digest's lists and the
 * reminders: "open with a deadline", units in Vietnamese order, and the overdue order.
 */
import type { Bucket } from './status.js';
import type { UnitRef } from './task.js';
import { compareVietnamese } from './text.js';

/** Open and dated: the tasks a deadline, a reminder or a calendar entry is about. */
export function isOpenWithDeadline(bucket: Bucket): bucket is 'open_in_term' | 'open_overdue' {
  return bucket === 'open_in_term' || bucket === 'open_overdue';
}

/**
 * Each lead unit's place in Vietnamese alphabetical order of names (no unit: first). A list of
 * thousands of tasks names a handful of units: they are collated once, not on every comparison.
 */
export function unitRanks<T extends { lead: UnitRef | null }>(entries: readonly T[]): (entry: T) => number {
  const names = [...new Set(entries.map((e) => e.lead?.name ?? ''))].sort(compareVietnamese);
  const rank = new Map(names.map((name, i) => [name, i]));
  return (entry) => rank.get(entry.lead?.name ?? '')!;
}

/**
 * ISO dates order as plain strings. localeCompare gave the same order through ICU collation, at
 * a cost that showed in the profile: the daily view sorts thousands of tasks.
 */
function compareIso(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * The overdue order: the earliest due date first (for overdue tasks, the most days late), undated
 * last; then the lead unit in Vietnamese order (when `unitRank` is given, from unitRanks); then
 * the task number.
 */
export function compareByDue<T extends { id: number; due: string | null }>(a: T, b: T, unitRank?: (entry: T) => number): number {
  return compareIso(a.due ?? '9999', b.due ?? '9999') || (unitRank ? unitRank(a) - unitRank(b) : 0) || a.id - b.id;
}
