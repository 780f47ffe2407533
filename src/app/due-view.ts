/** `tasks due` and `tasks overdue`: the daily view and the pre-meeting list. */
import { loadRegistry } from '../db/unit-repository.js';
import { addDays } from '../domain/dates.js';
import { ValidationError, t } from '../domain/errors.js';
import type { TaskView } from '../domain/task.js';
import { compareVietnamese } from '../domain/text.js';
import { resolveUnits } from '../domain/units.js';
import type { Context } from './context.js';
import { loadViews } from './load-tasks.js';

export type Section = 'overdue' | 'due_soon' | 'unsettled';

export interface DueEntry extends TaskView {
  section: Section;
}

export interface DueViewInput {
  /** Calendar days ahead, inclusive; 7 by default. */
  within: number;
  unit: string | null;
  overdueOnly: boolean;
}

export async function leadUnitIdsFor(ctx: Context, unit: string | null): Promise<number[] | undefined> {
  if (unit === null) return undefined;
  return resolveUnits(await loadRegistry(ctx.db), unit).map((u) => u.id);
}

function sectionOf(view: TaskView): Section | null {
  if (view.lead === null) return view.bucket === 'open_in_term' || view.bucket === 'open_overdue' || view.bucket === 'undated' || view.bucket === 'ongoing' ? 'unsettled' : null;
  if (view.bucket === 'open_overdue') return 'overdue';
  if (view.bucket === 'open_in_term') return 'due_soon';
  if (view.bucket === 'undated') return 'unsettled';
  return null;
}

const SECTION_ORDER: Record<Section, number> = { overdue: 0, due_soon: 1, unsettled: 2 };

/**
 * ISO dates order as plain strings. localeCompare gave the same order through ICU collation, at
 * a cost that showed in the profile: the daily view sorts thousands of tasks.
 */
function compareIso(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * Most days late first, then earliest due first; within a day, by unit in Vietnamese order
 * (`unitRank`, from unitRanks: a handful of units, collated once, rather than thousands of
 * collations while sorting).
 */
export function compareDue(a: DueEntry, b: DueEntry, unitRank: (entry: DueEntry) => number): number {
  return (
    SECTION_ORDER[a.section] - SECTION_ORDER[b.section] ||
    (b.daysLate ?? 0) - (a.daysLate ?? 0) ||
    compareIso(a.due ?? '9999', b.due ?? '9999') ||
    unitRank(a) - unitRank(b) ||
    a.id - b.id
  );
}

/** Each lead unit's place in Vietnamese alphabetical order of names (no unit: first). */
export function unitRanks(entries: readonly TaskView[]): (entry: TaskView) => number {
  const names = [...new Set(entries.map((e) => e.lead?.name ?? ''))].sort(compareVietnamese);
  const rank = new Map(names.map((name, i) => [name, i]));
  return (entry) => rank.get(entry.lead?.name ?? '')!;
}

export async function dueView(ctx: Context, input: DueViewInput): Promise<DueEntry[]> {
  if (!Number.isInteger(input.within) || input.within < 0 || input.within > 3650) {
    throw new ValidationError(t(`số ngày không hợp lệ: ${input.within}`, `invalid number of days: ${input.within}`), t('--within nhận số ngày từ 0 đến 3650', '--within takes 0 to 3650 days'));
  }
  const horizon = addDays(ctx.today, input.within);
  const views = await loadViews(ctx, { openDueBy: horizon, leadUnitIds: await leadUnitIdsFor(ctx, input.unit) });
  const entries: DueEntry[] = [];
  for (const view of views) {
    const section = sectionOf(view);
    if (section === null) continue;
    if (section === 'due_soon' && view.due! > horizon) continue;
    if (input.overdueOnly && section !== 'overdue') continue;
    // Each view was made for this call alone: tag it rather than copy its twenty fields.
    entries.push(Object.assign(view, { section }));
  }
  const rank = unitRanks(entries);
  return entries.sort((a, b) => compareDue(a, b, rank));
}
