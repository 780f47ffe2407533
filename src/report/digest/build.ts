/**
 * The digest's scope rules, on tasks already seen as of the as-of day:
 * - totals and the per-unit table: tasks assigned from `from` to the as-of day, each in its
 *   bucket (the caller passes just their buckets and lead units: counting needs no more);
 * - the lists: every task that belongs there, whenever it was assigned (from full task views).
 */
import type { IsoDate } from '../../domain/dates.js';
import type { Month } from '../../domain/months.js';
import type { SettingMap } from '../../domain/settings.js';
import type { Bucket } from '../../domain/status.js';
import type { TaskView, UnitRef } from '../../domain/task.js';
import { compareVietnamese } from '../../domain/text.js';
import { countBucket, emptyCounts, type Digest, type ExtensionEntry, type NoteRef, type OverdueEntry, type UnitCounts } from './model.js';

export interface DigestInput {
  month: Month;
  next: Month;
  from: IsoDate;
  asOf: IsoDate;
  today: IsoDate;
  /** How many tasks assigned from `from` to the as-of day sit in each bucket then, by lead unit. */
  counted: { bucket: Bucket; lead: UnitRef | null; n: number }[];
  /** At least every task the lists may hold, as it stood at the end of the as-of day. */
  views: TaskView[];
  latestNotes: ReadonlyMap<number, NoteRef>;
  /** Units to show in the per-unit table even with no task, in registry order. */
  units: { code: string; name: string }[];
  unitFilter: { code: string; name: string }[] | null;
  settings: SettingMap;
}

function unitName(view: TaskView): string {
  return view.lead?.name ?? '';
}

/**
 * Earliest due date first, then unit in Vietnamese order, then task number. Units are ranked
 * once, so sorting thousands of tasks does not run the collator on every comparison.
 */
function sortByDue(views: TaskView[]): TaskView[] {
  const names = [...new Set(views.map(unitName))].sort(compareVietnamese);
  const rank = new Map(names.map((name, i) => [name, i]));
  const keyed = views.map((v) => ({ v, due: v.due ?? '', unit: rank.get(unitName(v))! }));
  keyed.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.unit - b.unit || a.v.id - b.v.id));
  return keyed.map((k) => k.v);
}

/** The overdue list: oldest due date first. */
export function overdueEntries(views: TaskView[], notes: ReadonlyMap<number, NoteRef>): OverdueEntry[] {
  // Each view was made for this report alone: tagged, not copied (50,000 copies of twenty fields at province scale).
  return sortByDue(views.filter((v) => v.bucket === 'open_overdue')).map((v) => Object.assign(v, { latestNote: notes.get(v.id) ?? null }));
}

function unitTable(inScope: DigestInput['counted'], units: { code: string; name: string }[]): UnitCounts[] {
  const rows = new Map<string | null, UnitCounts>();
  for (const u of units) rows.set(u.code, { code: u.code, name: u.name, ...emptyCounts() });
  for (const v of inScope) {
    const code = v.lead?.code ?? null;
    let row = rows.get(code);
    if (!row) {
      row = { code, name: v.lead?.name ?? '', ...emptyCounts() };
      rows.set(code, row);
    }
    countBucket(row, v.bucket, v.n);
  }
  // Unassigned tasks last, whatever the order of the rest.
  return [...rows.values()].sort((a, b) => Number(a.code === null) - Number(b.code === null));
}

export function buildDigest(input: DigestInput): Digest {
  const { month, next, from, asOf } = input;
  const totals = emptyCounts();
  for (const c of input.counted) countBucket(totals, c.bucket, c.n);

  const completed = input.views
    .filter((v) => v.completedOn !== null && v.completedOn >= month.start && (v.bucket === 'done_on_time' || v.bucket === 'done_late'))
    .sort((a, b) => a.completedOn!.localeCompare(b.completedOn!) || a.id - b.id);

  const extensions: ExtensionEntry[] = [];
  for (const v of input.views) {
    for (const e of v.extensions) {
      if (e.grantedOn >= month.start && e.grantedOn <= asOf) extensions.push({ task: v, grantedOn: e.grantedOn, from: e.from, to: e.to, reason: e.reason });
    }
  }
  extensions.sort((a, b) => a.grantedOn.localeCompare(b.grantedOn) || a.task.id - b.task.id);

  const dueNext = sortByDue(
    input.views.filter((v) => (v.bucket === 'open_in_term' || v.bucket === 'open_overdue') && v.due !== null && v.due >= next.start && v.due <= next.end),
  );

  return {
    kind: 'digest',
    period: { month: month.id, from, asOf, today: input.today, nextMonth: next.id },
    unitFilter: input.unitFilter,
    totals,
    units: unitTable(input.counted, input.units),
    overdue: overdueEntries(input.views, input.latestNotes),
    completedThisMonth: completed,
    extensionsThisMonth: extensions,
    dueNextMonth: dueNext,
    settings: input.settings,
  };
}
