/**
 * The digest's scope rules, on tasks already seen as of the as-of day:
 * - totals and the per-unit table: tasks assigned from `from` to the as-of day, each in its
 *   bucket (the caller passes just their buckets and lead units: counting needs no more);
 * - the lists: every task that belongs there, whenever it was assigned (from full task views).
 */
import { daysBetween, type IsoDate } from '../dates.js';
import type { Month } from '../months.js';
import type { SettingMap } from '../settings.js';
import type { Bucket } from '../status.js';
import type { TaskView, UnitRef } from '../task.js';
import { compareByDue, isOpenWithDeadline, unitRanks } from '../task-order.js';
import type { ReportPeriod } from '../report-period.js';
import { countBucket, emptyCounts, quietDaysOf, type Counts, type Digest, type EscalationRule, type ExtensionEntry, type NoteRef, type OverdueEntry, type QuietEntry, type UnitCounts, type UnitOrder } from './model.js';

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
  /** Reminders sent per overdue task. */
  reminders?: ReadonlyMap<number, number>;
  escalation?: EscalationRule;
  /** Open tasks nobody reported on for report.quietDays days, seen as of the as-of day, with their latest notes. */
  quiet?: { views: TaskView[]; notes: ReadonlyMap<number, NoteRef> };
  /** Units to show in the per-unit table even with no task, in registry order. */
  units: { code: string; name: string }[];
  unitFilter: { code: string; name: string }[] | null;
  settings: SettingMap;
  /** The reporting period and the next one; the calendar month and the next month when absent. */
  period?: ReportPeriod;
  nextPeriod?: ReportPeriod;
  /** Like `counted`, for the tasks assigned within the period. */
  inPeriod?: DigestInput['counted'];
  previous?: { start: IsoDate; end: IsoDate; from: IsoDate; counted: DigestInput['counted']; inPeriod: DigestInput['counted'] } | null;
  order?: UnitOrder;
}

function totalOf(counted: DigestInput['counted']): Counts {
  const totals = emptyCounts();
  for (const c of counted) countBucket(totals, c.bucket, c.n);
  return totals;
}

/** Most overdue first, then the lowest on-time rate (none counted: after every rate), then registry order. */
function rankUnits(rows: UnitCounts[]): UnitCounts[] {
  const rate = (r: UnitCounts) => (r.onTimeRate === null ? 2 : r.onTimeRate);
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => b.row.open_overdue - a.row.open_overdue || rate(a.row) - rate(b.row) || a.i - b.i)
    .map((x) => x.row);
}

/** The overdue order (task-order.ts), over views made for this report alone. */
function sortByDue(views: TaskView[]): TaskView[] {
  const rank = unitRanks(views);
  return views.sort((a, b) => compareByDue(a, b, rank));
}

/** The overdue list: oldest due date first; each task with its reminders and whether it goes to the giao ban. */
export function overdueEntries(views: TaskView[], notes: ReadonlyMap<number, NoteRef>, reminders: ReadonlyMap<number, number> = new Map(), rule: EscalationRule = { reminders: 3, daysLate: 30 }): OverdueEntry[] {
  // Each view was made for this report alone: tagged, not copied (50,000 copies of twenty fields at province scale).
  return sortByDue(views.filter((v) => v.bucket === 'open_overdue')).map((v) => {
    const remindersSent = reminders.get(v.id) ?? 0;
    const escalate = remindersSent > rule.reminders || (v.daysLate ?? 0) > rule.daysLate;
    return Object.assign(v, { latestNote: notes.get(v.id) ?? null, remindersSent, escalate });
  });
}

/** Open tasks quiet for report.quietDays days, the longest quiet first. */
export function quietEntries(views: TaskView[], notes: ReadonlyMap<number, NoteRef>, asOf: IsoDate): QuietEntry[] {
  const open = views.filter((v) => v.bucket === 'open_in_term' || v.bucket === 'open_overdue' || v.bucket === 'ongoing' || v.bucket === 'undated');
  const entries = open.map((v) => {
    const note = notes.get(v.id) ?? null;
    return Object.assign(v, { latestNote: note, quietDays: daysBetween(note?.on ?? v.assignedOn, asOf) });
  });
  return entries.sort((a, b) => b.quietDays - a.quietDays || a.id - b.id);
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
  const totals = totalOf(input.counted);
  const period = input.period ?? { kind: 'month' as const, id: month.id, start: month.start, end: month.end };
  const following = input.nextPeriod ?? { kind: period.kind, id: next.id, start: next.start, end: next.end };
  const order = input.order ?? 'rank';
  const table = unitTable(input.counted, input.units);
  const assigned = table.filter((u) => u.code !== null);
  const units = order === 'rank' ? [...rankUnits(assigned), ...table.filter((u) => u.code === null)] : table;

  const completed = input.views
    .filter((v) => v.completedOn !== null && v.completedOn >= period.start && (v.bucket === 'done_on_time' || v.bucket === 'done_late'))
    .sort((a, b) => a.completedOn!.localeCompare(b.completedOn!) || a.id - b.id);

  const extensions: ExtensionEntry[] = [];
  for (const v of input.views) {
    for (const e of v.extensions) {
      if (e.grantedOn >= period.start && e.grantedOn <= asOf) extensions.push({ task: v, grantedOn: e.grantedOn, from: e.from, to: e.to, reason: e.reason });
    }
  }
  extensions.sort((a, b) => a.grantedOn.localeCompare(b.grantedOn) || a.task.id - b.task.id);

  const dueNext = sortByDue(
    input.views.filter((v) => isOpenWithDeadline(v.bucket) && v.due !== null && v.due >= following.start && v.due <= following.end),
  );

  return {
    kind: 'digest',
    period: { month: month.id, from, asOf, today: input.today, nextMonth: next.id, kind: period.kind, start: period.start, end: period.end, next: { start: following.start, end: following.end } },
    unitFilter: input.unitFilter,
    totals,
    inPeriod: input.inPeriod ? totalOf(input.inPeriod) : null,
    previous: input.previous ? { start: input.previous.start, end: input.previous.end, from: input.previous.from, totals: totalOf(input.previous.counted), inPeriod: totalOf(input.previous.inPeriod) } : null,
    unitOrder: order,
    units,
    overdue: overdueEntries(input.views, input.latestNotes, input.reminders, input.escalation),
    escalation: input.escalation,
    quiet: input.quiet ? quietEntries(input.quiet.views, input.quiet.notes, asOf) : [],
    quietDays: quietDaysOf(input.settings),
    completedThisMonth: completed,
    extensionsThisMonth: extensions,
    dueNextMonth: dueNext,
    settings: input.settings,
  };
}
