/** `tasks show ID`: one task with its progress notes, extensions and audit history. */
import { listAuditForTask, type AuditEntry } from '../db/audit-repository.js';
import { listProgressNotes, type ProgressNote } from '../db/task-repository.js';
import type { TaskView } from '../domain/task.js';
import type { Context } from './context.js';
import { requireView } from './load-tasks.js';

export interface TaskDetail extends TaskView {
  progress: ProgressNote[];
  history: AuditEntry[];
}

export async function showTask(ctx: Context, id: number): Promise<TaskDetail> {
  const view = await requireView(ctx, id);
  const [progress, history] = await Promise.all([listProgressNotes(ctx.db, id, ctx.today), listAuditForTask(ctx.db, id)]);
  return { ...view, progress, history };
}
