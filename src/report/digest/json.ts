/** The digest as JSON: the model itself, tasks shaped as in the core tracker's contract. */
import { taskJson, toJson, type TaskJson } from '../task-json.js';
import type { Digest, NoteRef } from '../../domain/digest/model.js';
import { groupByDirective } from '../../domain/digest/groups.js';
import type { TaskView } from '../../domain/task.js';

/** A directive given to several units, as a list shows it in one row: its tasks' ids, in the list's order. */
interface TaskGroupJson {
  directiveId: number;
  text: string;
  taskIds: number[];
}

/** Only the groups of two tasks or more: the per-task arrays stay as they were. */
function groupsOf(views: TaskView[] | null | undefined): TaskGroupJson[] | null {
  if (!views) return null;
  return groupByDirective(views, (v) => v)
    .filter((g) => g.members.length > 1)
    .map((g) => ({ directiveId: g.directiveId!, text: g.members[0].text, taskIds: g.members.map((v) => v.id) }));
}

export function digestJson(d: Digest): object {
  return {
    kind: d.kind,
    period: d.period,
    unitFilter: d.unitFilter,
    totals: d.totals,
    inPeriod: d.inPeriod ?? null,
    previous: d.previous ?? null,
    unitOrder: d.unitOrder ?? null,
    units: d.units,
    overdue: d.overdue.map((v): TaskJson & { latestNote: NoteRef | null; remindersSent: number; escalate: boolean } => ({
      ...taskJson(v),
      latestNote: v.latestNote,
      remindersSent: v.remindersSent,
      escalate: v.escalate,
    })),
    escalation: d.escalation ?? null,
    quietDays: d.quietDays ?? null,
    quiet: (d.quiet ?? []).map((v) => ({ ...taskJson(v), latestNote: v.latestNote, quietDays: v.quietDays })),
    completedThisMonth: d.completedThisMonth?.map(taskJson) ?? null,
    extensionsThisMonth:
      d.extensionsThisMonth?.map((e) => ({ task: taskJson(e.task), grantedOn: e.grantedOn, from: e.from, to: e.to, reason: e.reason })) ?? null,
    dueNextMonth: d.dueNextMonth?.map(taskJson) ?? null,
    groups: {
      overdue: groupsOf(d.overdue),
      quiet: groupsOf(d.quiet ?? []),
      completedThisMonth: groupsOf(d.completedThisMonth),
      dueNextMonth: groupsOf(d.dueNextMonth),
    },
  };
}

export function renderJson(d: Digest): string {
  return toJson(digestJson(d));
}
