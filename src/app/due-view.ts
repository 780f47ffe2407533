/** `tasks due` and `tasks overdue`: the daily view and the pre-meeting list. */
import { listDueRows } from '../db/due-view-repository.js';
import { loadRegistry } from '../db/unit-repository.js';
import { addDays } from '../domain/dates.js';
import { ValidationError, t } from '../domain/errors.js';
import { isOpen, statusOf, type Status } from '../domain/status.js';
import type { TaskView, UnitRef } from '../domain/task.js';
import { compareByDue, unitRanks } from '../domain/task-order.js';
import { resolveUnits } from '../domain/units.js';
import type { Context } from './context.js';
import { loadViews } from './load-tasks.js';

export type Section = 'overdue' | 'due_soon' | 'unsettled';

export interface DueEntry extends TaskView {
  section: Section;
}

/**
 * A line of the daily view on a terminal or a pipe: what it prints, nothing more (no
 * coordinating units, no extension history, no evidence): thousands are made on every run.
 */
export interface DueLine extends Status {
  id: number;
  text: string;
  lead: UnitRef | null;
  ownerText: string | null;
  ongoing: boolean;
  source: { number: string | null } | null;
  section: Section;
}

/** What sorting and sections need of an entry, full (DueEntry) or narrow (DueLine). */
type Sortable = Pick<DueLine, 'id' | 'lead' | 'bucket' | 'due' | 'daysLate'> & { section: Section };

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

function sectionOf(view: Pick<DueLine, 'lead' | 'bucket'>): Section | null {
  if (view.lead === null) return isOpen(view.bucket) ? 'unsettled' : null;
  if (view.bucket === 'open_overdue') return 'overdue';
  if (view.bucket === 'open_in_term') return 'due_soon';
  if (view.bucket === 'undated') return 'unsettled';
  return null;
}

const SECTION_ORDER: Record<Section, number> = { overdue: 0, due_soon: 1, unsettled: 2 };

/** By section, then in the overdue order (domain/task-order.ts), units in Vietnamese order. */
export function compareDue<T extends Sortable>(a: T, b: T, unitRank: (entry: T) => number): number {
  return SECTION_ORDER[a.section] - SECTION_ORDER[b.section] || compareByDue(a, b, unitRank);
}

function horizonOf(ctx: Context, input: DueViewInput): string {
  if (!Number.isInteger(input.within) || input.within < 0 || input.within > 3650) {
    throw new ValidationError(t(`số ngày không hợp lệ: ${input.within}`, `invalid number of days: ${input.within}`), t('--within nhận số ngày từ 0 đến 3650', '--within takes 0 to 3650 days'));
  }
  return addDays(ctx.today, input.within);
}

/** The daily view as full tasks, for `--json`. */
export async function dueView(ctx: Context, input: DueViewInput): Promise<DueEntry[]> {
  const horizon = horizonOf(ctx, input);
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

/**
 * The daily view as the lines a terminal or a pipe shows: the same tasks, sections and order as
 * dueView, from one narrow read (db/due-view-repository.ts).
 */
export async function dueLines(ctx: Context, input: DueViewInput): Promise<DueLine[]> {
  const horizon = horizonOf(ctx, input);
  const rows = await listDueRows(ctx.db, { asOf: ctx.today, dueBy: horizon, leadUnitIds: await leadUnitIdsFor(ctx, input.unit) });
  const lines: DueLine[] = [];
  for (const row of rows) {
    const { bucket, due, daysLate } = statusOf(row, ctx.today);
    const section = sectionOf({ lead: row.lead, bucket });
    if (section === null) continue;
    if (section === 'due_soon' && due! > horizon) continue;
    if (input.overdueOnly && section !== 'overdue') continue;
    const source = row.sourceNumber === null ? null : { number: row.sourceNumber };
    lines.push({ id: row.id, text: row.text, lead: row.lead, ownerText: row.ownerText, ongoing: row.ongoing, source, bucket, due, daysLate, section });
  }
  const rank = unitRanks(lines);
  return lines.sort((a, b) => compareDue(a, b, rank));
}
