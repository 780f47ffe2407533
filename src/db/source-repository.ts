/** Sources: the documents tasks come from. */
import type { IsoDate } from '../domain/dates.js';
import type { SourceRef } from '../domain/task.js';
import type { Db } from './database.js';

export interface SourceFields {
  kind: string | null;
  number: string | null;
  issuedOn: IsoDate | null;
  issuer: string | null;
  summary: string | null;
  meetingOn: IsoDate | null;
  chair: string | null;
}

export async function findSourceByNumber(db: Db, number: string): Promise<SourceRef | null> {
  const row = await db
    .selectFrom('source')
    .select(['id', 'kind', 'number', 'issued_on', 'meeting_on'])
    .where('number', '=', number)
    .executeTakeFirst();
  return row ? { id: row.id, kind: row.kind, number: row.number, issuedOn: row.issued_on, meetingOn: row.meeting_on } : null;
}

export async function insertSource(db: Db, fields: SourceFields, createdAt: string): Promise<SourceRef> {
  const { id } = await db
    .insertInto('source')
    .values({
      kind: fields.kind,
      number: fields.number,
      issued_on: fields.issuedOn,
      issuer: fields.issuer,
      summary: fields.summary,
      meeting_on: fields.meetingOn,
      chair: fields.chair,
      created_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, kind: fields.kind, number: fields.number, issuedOn: fields.issuedOn, meetingOn: fields.meetingOn };
}

export async function countSources(db: Db): Promise<number> {
  const row = await db.selectFrom('source').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
