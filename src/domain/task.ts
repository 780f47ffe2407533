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
  extensions: ExtensionRecord[];
}

export type TaskView = Task & Status;

/** The task as it stood at the end of `asOf`, with its derived status. */
export function viewAsOf(task: Task, asOf: IsoDate): TaskView {
  const status = statusOf(task, asOf);
  return {
    ...task,
    ...status,
    completedOn: task.completedOn !== null && task.completedOn <= asOf ? task.completedOn : null,
    cancelledOn: task.cancelledOn !== null && task.cancelledOn <= asOf ? task.cancelledOn : null,
    extensions: task.extensions.filter((e) => e.grantedOn <= asOf),
  };
}
