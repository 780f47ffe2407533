/** What `tasks import FILE --update` will change, as it is shown before it is applied. */
import type { StoredDirective } from '../db/directive-repository.js';
import type { IsoDate } from '../domain/dates.js';
import type { Unit } from '../domain/units.js';
import type { PlannedDirective } from './import-plan.js';

export interface ChangedDirective {
  stored: StoredDirective;
  now: PlannedDirective;
  /** Open tasks whose due date follows the corrected one (not extended, not recurring). */
  redated: { taskId: number; from: IsoDate | null; to: IsoDate }[];
  /** Lead units the corrected directive names and the old one did not: they get new tasks. */
  newLeads: Unit[];
  /** Open tasks of lead units the corrected directive no longer names: cancelled. */
  droppedTaskIds: number[];
  /** Their recurring series, stopped. */
  droppedSeriesIds: number[];
}

export interface RemovedDirective {
  stored: StoredDirective;
  /** Its open tasks, cancelled with a reason; done and cancelled ones stay as they are. */
  openTaskIds: number[];
  seriesIds: number[];
}

export interface UpdatePlan {
  sourceId: number;
  added: PlannedDirective[];
  changed: ChangedDirective[];
  removed: RemovedDirective[];
  unchanged: number;
}
