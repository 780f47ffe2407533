/**
 * When a task is due a reminder: pure rules, no I/O. Triggers fall on calendar days counted from
 * the due date in force: some days before it, on it, then on day N after it and every M days
 * while it stays open. A run sends only the latest trigger reached: the ones it passes over on a
 * missed run are covered by the same message, so nothing is lost and nothing piles up.
 */
import { addDays, daysBetween, type IsoDate } from '../domain/dates.js';
import type { SettingMap } from '../domain/settings.js';

export interface RemindSchedule {
  /** Days before the due date, largest first. */
  before: number[];
  /** The first reminder after the due date, in days. */
  firstAfter: number;
  /** Then every this many days; 0 for never again. */
  repeatAfter: number;
}

export interface Trigger {
  /** "before-7", "due", "after-8", "meeting". */
  kind: string;
  /** The due date the trigger counts from, or the meeting's date. */
  period: IsoDate;
  /** The day the trigger falls on. */
  date: IsoDate;
}

export function scheduleFrom(settings: SettingMap): RemindSchedule {
  const before = (settings['remind.offsetsBefore'] ?? '').split(',').filter(Boolean).map(Number).sort((a, b) => b - a);
  return {
    before,
    firstAfter: Math.max(1, Number(settings['remind.firstAfterDays'] ?? 1)),
    repeatAfter: Number(settings['remind.repeatAfterDays'] ?? 7),
  };
}

/** The last trigger on or before `today` for a task due on `due`, or null when none is reached. */
export function latestTrigger(due: IsoDate, today: IsoDate, schedule: RemindSchedule): Trigger | null {
  const late = daysBetween(due, today);
  const at = (kind: string, offset: number): Trigger => ({ kind, period: due, date: addDays(due, offset) });
  if (late >= schedule.firstAfter) {
    const steps = schedule.repeatAfter > 0 ? Math.floor((late - schedule.firstAfter) / schedule.repeatAfter) : 0;
    const day = schedule.firstAfter + steps * schedule.repeatAfter;
    return at(`after-${day}`, day);
  }
  if (late >= 0) return at('due', 0);
  const left = -late;
  // The nearest trigger already passed: the smallest offset that is at least the days left.
  const reached = schedule.before.filter((n) => n >= left);
  if (reached.length === 0) return null;
  const n = Math.min(...reached);
  return at(`before-${n}`, -n);
}

/** The one trigger of a pre-meeting run: every task on the list, once per meeting. */
export function meetingTrigger(meetingOn: IsoDate): Trigger {
  return { kind: 'meeting', period: meetingOn, date: meetingOn };
}
