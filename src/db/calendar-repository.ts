/** The office's own changes to the working-day calendar. */
import type { IsoDate } from '../domain/dates.js';
import type { Db } from './database.js';

export interface CalendarChange {
  day: IsoDate;
  kind: 'off' | 'workday';
  name: string;
}

export async function listCalendarChanges(db: Db): Promise<CalendarChange[]> {
  const rows = await db.selectFrom('calendar_day').select(['day', 'kind', 'name']).orderBy('day').execute();
  return rows.map((r) => ({ day: r.day, kind: r.kind === 'workday' ? 'workday' : 'off', name: r.name }));
}

/** Sets what a day is; a later change to the same day replaces the earlier one. */
export async function saveCalendarChange(db: Db, change: CalendarChange, createdAt: string): Promise<void> {
  await db.deleteFrom('calendar_day').where('day', '=', change.day).execute();
  await db.insertInto('calendar_day').values({ day: change.day, kind: change.kind, name: change.name, created_at: createdAt }).execute();
}
