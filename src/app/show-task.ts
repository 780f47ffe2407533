/** `tasks show ID`: one task with its progress notes, extensions and audit history. */
import { listAuditForTask, type AuditEntry } from '../db/audit-repository.js';
import { findPendingRequest, type ExtensionRequest } from '../db/extension-request-repository.js';
import { listProgressNotes, type ProgressNote } from '../db/task-repository.js';
import type { TaskView } from '../domain/task.js';
import type { Context } from './context.js';
import { requireView } from './load-tasks.js';

export interface TaskDetail extends TaskView {
  progress: ProgressNote[];
  history: AuditEntry[];
  /** A unit head's extension request waiting for the office. */
  pendingExtension: ExtensionRequest | null;
}

export async function showTask(ctx: Context, id: number): Promise<TaskDetail> {
  const view = await requireView(ctx, id);
  const [progress, history, pendingExtension] = await Promise.all([
    listProgressNotes(ctx.db, id, ctx.today),
    listAuditForTask(ctx.db, id),
    findPendingRequest(ctx.db, id),
  ]);
  return { ...view, progress, history, pendingExtension };
}
