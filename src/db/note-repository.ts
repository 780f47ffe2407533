/** Progress notes read in bulk, for reports. */
import type { IsoDate } from '../domain/dates.js';
import type { Db } from './database.js';

export interface LatestNote {
  on: IsoDate;
  note: string;
  by: string;
}

/** Each task's latest progress note dated on or before `asOf`. */
export async function latestNotes(db: Db, taskIds: number[], asOf: IsoDate): Promise<Map<number, LatestNote>> {
  const out = new Map<number, LatestNote>();
  // Chunks keep the parameter count well under every database's limit.
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await db
      .selectFrom('progress_note')
      .select(['task_id', 'noted_on', 'note', 'author'])
      .where('task_id', 'in', taskIds.slice(i, i + 500))
      .where('noted_on', '<=', asOf)
      .orderBy('noted_on')
      .orderBy('id')
      .execute();
    // Ordered oldest first, so the last one written for a task is its latest.
    for (const r of rows) out.set(r.task_id, { on: r.noted_on, note: r.note, by: r.author });
  }
  return out;
}
