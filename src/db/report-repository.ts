/** The giao ban list's extra reads: open tasks whose progress went quiet. */
import type { IsoDate } from '../domain/dates.js';
import type { Db } from './connect.js';

/**
 * Tasks open at the end of `asOf`, assigned on or before `quietSince`, with no progress note dated
 * after `quietSince` (up to `asOf`): nobody has reported on them for that long.
 */
export async function quietOpenTaskIds(db: Db, range: { asOf: IsoDate; quietSince: IsoDate; leadUnitIds?: number[] }): Promise<number[]> {
  const { asOf, quietSince, leadUnitIds } = range;
  let q = db
    .selectFrom('task')
    .select('task.id')
    .where('task.assigned_on', '<=', quietSince)
    .where((eb) => eb.or([eb('task.completed_on', 'is', null), eb('task.completed_on', '>', asOf)]))
    .where((eb) => eb.or([eb('task.cancelled_on', 'is', null), eb('task.cancelled_on', '>', asOf)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('progress_note')
            .select('progress_note.id')
            .whereRef('progress_note.task_id', '=', 'task.id')
            .where('progress_note.noted_on', '>', quietSince)
            .where('progress_note.noted_on', '<=', asOf),
        ),
      ),
    );
  if (leadUnitIds) q = q.where('task.lead_unit_id', 'in', leadUnitIds.length ? leadUnitIds : [-1]);
  return (await q.orderBy('task.id').execute()).map((r) => r.id);
}
