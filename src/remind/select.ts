/**
 * Which open tasks a run reminds of, and under which trigger: by the schedule, or everything
 * overdue and soon due ahead of a giao ban. Pure.
 */
import { addDays, type IsoDate } from '../domain/dates.js';
import type { TaskView } from '../domain/task.js';
import { compareByDue, isOpenWithDeadline } from '../domain/task-order.js';
import { latestTrigger, meetingTrigger, type RemindSchedule, type Trigger } from './schedule.js';

export type Section = 'overdue' | 'due_today' | 'due_soon';

export interface RemindItem {
  task: TaskView;
  section: Section;
  trigger: Trigger;
}

export type RunMode = { kind: 'schedule'; schedule: RemindSchedule } | { kind: 'meeting'; on: IsoDate; daysAhead: number };

function sectionOf(task: TaskView, today: IsoDate): Section {
  if (task.bucket === 'open_overdue') return 'overdue';
  return task.due === today ? 'due_today' : 'due_soon';
}

const ORDER: Record<Section, number> = { overdue: 0, due_today: 1, due_soon: 2 };

/** By section, then in the overdue order (task-order.ts: most days late first), then the task number. */
export function compareItems(a: RemindItem, b: RemindItem): number {
  return ORDER[a.section] - ORDER[b.section] || compareByDue(a.task, b.task);
}

/** The furthest due date a run can be about, so the database is asked only for those. */
export function horizonOf(mode: RunMode, today: IsoDate): IsoDate {
  if (mode.kind === 'meeting') return addDays(mode.on, mode.daysAhead);
  return addDays(today, Math.max(0, ...mode.schedule.before));
}

export function selectItems(views: TaskView[], today: IsoDate, mode: RunMode): RemindItem[] {
  const items: RemindItem[] = [];
  for (const task of views) {
    if (task.lead === null || task.due === null) continue;
    if (!isOpenWithDeadline(task.bucket)) continue;
    let trigger: Trigger | null;
    if (mode.kind === 'meeting') trigger = task.due <= horizonOf(mode, today) ? meetingTrigger(mode.on) : null;
    else trigger = latestTrigger(task.due, today, mode.schedule);
    if (trigger) items.push({ task, section: sectionOf(task, today), trigger });
  }
  return items.sort(compareItems);
}
