/** Reading tasks as they stood at the end of the as-of day. */
import { findTaskById, listTasks, type TaskFilter } from '../db/task-repository.js';
import { MAX_DATE } from '../domain/dates.js';
import { NotFoundError, t } from '../domain/errors.js';
import { viewAsOf, type Task, type TaskView } from '../domain/task.js';
import type { Context } from './context.js';

export async function loadViews(ctx: Context, filter: Omit<TaskFilter, 'asOf'>): Promise<TaskView[]> {
  const tasks: (Task | TaskView)[] = await listTasks(ctx.db, { ...filter, asOf: ctx.today });
  // In place: each task is dropped as its view is made, rather than both lists held to the end.
  for (let i = 0; i < tasks.length; i++) tasks[i] = viewAsOf(tasks[i], ctx.today);
  return tasks as TaskView[];
}

/** The tasks with these ids whatever their assignment date, viewed as of the as-of day. */
export async function viewsByIds(ctx: Context, ids: number[]): Promise<TaskView[]> {
  const tasks = await listTasks(ctx.db, { asOf: MAX_DATE, ids });
  return tasks.map((task) => viewAsOf(task, ctx.today));
}

/** The task with that id, or a NotFoundError the user can act on. */
export async function requireTask(ctx: Context, id: number): Promise<Task> {
  const task = await findTaskById(ctx.db, id);
  if (!task) {
    throw new NotFoundError(
      t(`không có nhiệm vụ số ${id}`, `no task ${id}`),
      t('xem số nhiệm vụ bằng "tasks list"', 'find task numbers with "tasks list"'),
    );
  }
  return task;
}

export async function requireView(ctx: Context, id: number): Promise<TaskView> {
  return viewAsOf(await requireTask(ctx, id), ctx.today);
}
