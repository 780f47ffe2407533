/**
 * The one place a task's row becomes a Task. listTasks (task-repository.ts) joins the units,
 * source and series; the export (export-repository.ts) looks them up in tables read once; both
 * hand them here with the task's own columns.
 */
import type { Period } from '../domain/recurrence.js';
import type { ExtensionRecord, SourceRef, Task, UnitRef } from '../domain/task.js';
import type { ExtensionRow, TaskRow } from './schema.js';

/** The task table's own columns a Task is read from. */
export type TaskColumns = Pick<
  TaskRow,
  'id' | 'text' | 'owner_text' | 'ongoing' | 'original_due_on' | 'assigned_on' | 'completed_on' | 'evidence' | 'completion_note' | 'cancelled_on' | 'cancel_reason' | 'series_id' | 'period' | 'directive_id'
>;

/** What the task's row points at, already read. */
export interface TaskRelations {
  lead: UnitRef | null;
  coordinating: UnitRef[];
  extensions: ExtensionRecord[];
  source: SourceRef | null;
  /** The series' period, when the task is an occurrence of one. */
  every: Period | null;
}

/** A literal, not a spread: tasks are made by the tens of thousands on a large tracker. */
export function toTask(r: TaskColumns, related: TaskRelations): Task {
  return {
    id: r.id,
    text: r.text,
    lead: related.lead,
    coordinating: related.coordinating,
    ownerText: r.owner_text,
    ongoing: r.ongoing === 1,
    originalDue: r.original_due_on,
    extensions: related.extensions,
    assignedOn: r.assigned_on,
    completedOn: r.completed_on,
    evidence: r.evidence,
    completionNote: r.completion_note,
    cancelledOn: r.cancelled_on,
    cancelReason: r.cancel_reason,
    source: related.source,
    series: r.series_id !== null ? { id: r.series_id, every: related.every!, period: r.period ?? '' } : null,
    directiveId: r.directive_id,
  };
}

export function toExtension(r: Pick<ExtensionRow, 'from_on' | 'to_on' | 'reason' | 'granted_on' | 'author'>): ExtensionRecord {
  return { from: r.from_on, to: r.to_on, reason: r.reason, grantedOn: r.granted_on, by: r.author };
}
