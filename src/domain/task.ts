/** A task as the domain knows it: the stored facts, from which status is derived. */
import type { IsoDate } from './dates.js';
import type { Period } from './recurrence.js';
import { statusOf, type Status, type TaskFacts } from './status.js';

export interface UnitRef {
  code: string;
  name: string;
}

export interface SourceRef {
  id: number;
  kind: string | null;
  number: string | null;
  issuedOn: IsoDate | null;
  meetingOn: IsoDate | null;
}

export interface ExtensionRecord {
  from: IsoDate | null;
  to: IsoDate;
  reason: string;
  grantedOn: IsoDate;
  by: string;
}

export interface Task extends TaskFacts {
  id: number;
  text: string;
  lead: UnitRef | null;
  coordinating: UnitRef[];
  ownerText: string | null;
  assignedOn: IsoDate;
  evidence: string | null;
  completionNote: string | null;
  cancelReason: string | null;
  source: SourceRef | null;
  series: { id: number; every: Period; period: string } | null;
  /** The imported directive the task came from: a directive given to several units made one task per unit. */
  directiveId?: number | null;
  extensions: ExtensionRecord[];
}

export type TaskView = Task & Status;

/**
 * The task as it stood at the end of `asOf`, with its derived status. Fields are listed rather
 * than spread: views are made by the thousand on every `tasks due`, and a literal builds an
 * object several times faster than a spread of twenty fields does.
 */
export function viewAsOf(task: Task, asOf: IsoDate): TaskView {
  const status = statusOf(task, asOf);
  return {
    id: task.id,
    text: task.text,
    lead: task.lead,
    coordinating: task.coordinating,
    ownerText: task.ownerText,
    ongoing: task.ongoing,
    originalDue: task.originalDue,
    extensions: task.extensions.filter((e) => e.grantedOn <= asOf),
    assignedOn: task.assignedOn,
    completedOn: task.completedOn !== null && task.completedOn <= asOf ? task.completedOn : null,
    evidence: task.evidence,
    completionNote: task.completionNote,
    cancelledOn: task.cancelledOn !== null && task.cancelledOn <= asOf ? task.cancelledOn : null,
    cancelReason: task.cancelReason,
    source: task.source,
    series: task.series,
    directiveId: task.directiveId ?? null,
    bucket: status.bucket,
    due: status.due,
    daysLate: status.daysLate,
  };
}
