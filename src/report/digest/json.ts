/** The digest as JSON: the model itself, tasks shaped as in the core tracker's contract. */
import { taskJson, toJson, type TaskJson } from '../task-json.js';
import type { Digest, NoteRef } from '../../domain/digest/model.js';

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
  };
}

export function renderJson(d: Digest): string {
  return toJson(digestJson(d));
}
