/**
 * A directive given to a group ("các phòng, đơn vị thuộc Sở") is imported as one task per unit.
 * The report's lists show it once, with each unit's status, not as ten identical rows; the counts
 * still count every unit's task.
 */
import type { TaskView } from '../task.js';

export interface TaskGroup<T> {
  /** The directive the members came from; null for a task that stands alone. */
  directiveId: number | null;
  /** In list order; the group sits where its first member stood. */
  members: T[];
}

/** Groups a list's items whose tasks share a directive and its text, keeping the list's order. */
export function groupByDirective<T>(items: T[], taskOf: (item: T) => TaskView): TaskGroup<T>[] {
  const groups: TaskGroup<T>[] = [];
  const byKey = new Map<string, TaskGroup<T>>();
  for (const item of items) {
    const task = taskOf(item);
    const directiveId = task.directiveId ?? null;
    if (directiveId === null) {
      groups.push({ directiveId: null, members: [item] });
      continue;
    }
    const key = `${directiveId}\u0000${task.text}`;
    const group = byKey.get(key);
    if (group) group.members.push(item);
    else {
      const created = { directiveId, members: [item] };
      byKey.set(key, created);
      groups.push(created);
    }
  }
  return groups;
}
