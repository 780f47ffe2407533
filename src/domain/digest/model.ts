/**
 * The digest as data: what every renderer (terminal, Markdown, HTML, DOCX, XLSX, CSV, JSON)
 * shows. Built once from task views; renderers never count anything themselves.
 */
import type { IsoDate } from '../dates.js';
import type { SettingMap } from '../settings.js';
import { BUCKETS, type Bucket } from '../status.js';
import type { TaskView } from '../task.js';

export type Counts = Record<Bucket, number> & { assigned: number; onTimeRate: number | null };

export interface UnitCounts extends Counts {
  /** null for tasks that have no lead unit yet. */
  code: string | null;
  name: string;
}

export interface NoteRef {
  on: IsoDate;
  note: string;
  by: string;
}

export interface OverdueEntry extends TaskView {
  latestNote: NoteRef | null;
  /** Reminders sent for the task (one per occasion). */
  remindersSent: number;
  /** Proposed for the giao ban: reminded more than, or overdue longer than, the configured limits. */
  escalate: boolean;
}

/** An open task nobody has reported on for report.quietDays days ("không cập nhật tiến độ"). */
export interface QuietEntry extends TaskView {
  latestNote: NoteRef | null;
  /** Days since the latest note (or, with none, since the task was assigned). */
  quietDays: number;
}

/** report.quietDays: how many days without a note make an open task quiet. */
export function quietDaysOf(settings: SettingMap): number {
  return /^\d+$/.test(settings['report.quietDays'] ?? '') ? Number(settings['report.quietDays']) : 14;
}

/** When an overdue task is proposed for the giao ban ("đề nghị đưa vào giao ban"). */
export interface EscalationRule {
  /** More reminders than this (report.escalateReminders). */
  reminders: number;
  /** More days late than this (report.escalateDays). */
  daysLate: number;
}

export function escalationRule(settings: SettingMap): EscalationRule {
  const number = (key: string, fallback: number) => (/^\d+$/.test(settings[key] ?? '') ? Number(settings[key]) : fallback);
  return { reminders: number('report.escalateReminders', 3), daysLate: number('report.escalateDays', 30) };
}

export interface ExtensionEntry {
  task: TaskView;
  grantedOn: IsoDate;
  from: IsoDate | null;
  to: IsoDate;
  reason: string;
}

export interface DigestPeriod {
  /** YYYY-MM; null for the overdue list on its own. */
  month: string | null;
  /** First assignment day counted in the totals; null for the overdue list on its own. */
  from: IsoDate | null;
  /** The day the figures are seen at: the month's last day, or --today if earlier. */
  asOf: IsoDate;
  /** The report's own date line: --today. */
  today: IsoDate;
  /** YYYY-MM of the "due next month" list. */
  nextMonth: string | null;
  /** The reporting period (month: the calendar month; nd09: the 15th of the month before to the 14th); absent for the overdue list on its own. */
  kind?: 'month' | 'nd09';
  start?: IsoDate;
  end?: IsoDate;
  /** The next period, whose due tasks the last list shows. */
  next?: { start: IsoDate; end: IsoDate };
}

/** The same figures for the period before, for the change the meeting looks at. */
export interface PreviousFigures {
  start: IsoDate;
  end: IsoDate;
  /** Cumulative figures as of the end of that period, from `from`. */
  from: IsoDate;
  totals: Counts;
  inPeriod: Counts;
}

/** The by-unit table's order: worst first (most overdue, then lowest on-time rate), or the registry's. */
export type UnitOrder = 'rank' | 'registry';

export interface Digest {
  kind: 'digest' | 'overdue';
  period: DigestPeriod;
  /** Lead units the report is limited to (--unit), or null for the whole Sở. */
  unitFilter: { code: string; name: string }[] | null;
  totals: Counts | null;
  /** Tasks assigned within the period, as of the as-of day ("giao trong kỳ"). */
  inPeriod?: Counts | null;
  previous?: PreviousFigures | null;
  unitOrder?: UnitOrder;
  units: UnitCounts[] | null;
  overdue: OverdueEntry[];
  /** The limits that marked overdue tasks for the giao ban. */
  escalation?: EscalationRule;
  completedThisMonth: TaskView[] | null;
  extensionsThisMonth: ExtensionEntry[] | null;
  dueNextMonth: TaskView[] | null;
  /** Open tasks with no progress note for `quietDays` days. */
  quiet?: QuietEntry[];
  quietDays?: number;
  /** "Đề xuất, kiến nghị": paragraphs the office wrote (--note FILE), or none. */
  proposals?: string[];
  /** Every task of the directives the lists show (a directive given to several units: one task each), for each unit's status in the list's one row. */
  directiveMembers?: TaskView[];
  /** Header, number and signer of the formal formats (DOCX, HTML). */
  settings: SettingMap;
}

export function emptyCounts(): Counts {
  // Key order is the JSON's: the total, the buckets, then the rate.
  const counts = { assigned: 0 } as Counts;
  for (const b of BUCKETS) counts[b] = 0;
  counts.onTimeRate = null;
  return counts;
}

/** Done on time ÷ (done on time + done late + open overdue); null when nothing is counted. */
export function onTimeRate(c: Record<Bucket, number>): number | null {
  const base = c.done_on_time + c.done_late + c.open_overdue;
  return base === 0 ? null : c.done_on_time / base;
}

export function countBucket(counts: Counts, bucket: Bucket, n = 1): void {
  counts[bucket] += n;
  counts.assigned += n;
  counts.onTimeRate = onTimeRate(counts);
}
