/** The JSON shape of a task: a contract that scripts and other tools rely on. */
import type { TaskView } from '../domain/task.js';

/** A unit head's extension request waiting for the office (the shape of `pendingExtension`). */
export interface RequestJson {
  to: string;
  from: string | null;
  reason: string;
  requestedBy: string;
  requestedOn: string;
}

export function requestJson(r: { to: string; from: string | null; reason: string; requestedBy: string; requestedOn: string }): RequestJson {
  return { to: r.to, from: r.from, reason: r.reason, requestedBy: r.requestedBy, requestedOn: r.requestedOn };
}

export interface TaskJson {
  id: number;
  text: string;
  lead: string | null;
  leadName: string | null;
  coordinating: string[];
  due: string | null;
  originalDue: string | null;
  ongoing: boolean;
  bucket: string;
  daysLate: number | null;
  assignedOn: string;
  completedOn: string | null;
  evidence: string | null;
  completionNote: string | null;
  cancelledOn: string | null;
  cancelReason: string | null;
  ownerText: string | null;
  source: { number: string | null; issuedOn: string | null } | null;
  series: { id: number; every: string; period: string } | null;
}

export function taskJson(view: TaskView): TaskJson {
  return {
    id: view.id,
    text: view.text,
    lead: view.lead?.code ?? null,
    leadName: view.lead?.name ?? null,
    coordinating: view.coordinating.map((u) => u.code),
    due: view.due,
    originalDue: view.originalDue,
    ongoing: view.ongoing,
    bucket: view.bucket,
    daysLate: view.daysLate,
    assignedOn: view.assignedOn,
    completedOn: view.completedOn,
    evidence: view.evidence,
    completionNote: view.completionNote,
    cancelledOn: view.cancelledOn,
    cancelReason: view.cancelReason,
    ownerText: view.ownerText,
    source: view.source ? { number: view.source.number, issuedOn: view.source.issuedOn } : null,
    series: view.series,
  };
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
