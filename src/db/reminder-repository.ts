/**
 * The reminder log. A delivery is claimed (a "sending" row, with the Message-ID it goes out
 * under) in the transaction committed just before it is handed to the mail server, and marked
 * sent or failed after; the unique key (task, kind, period, recipient, channel) means two runs
 * can never both claim it. A failed row can be claimed again; a "sending" row is in doubt (the
 * server may have it) and is claimed again only by `tasks remind --resend`, under the same
 * Message-ID. "pending" rows were written by earlier versions: abandoned after an hour.
 */
import { sql } from 'kysely';
import type { Db } from './database.js';

export type ReminderResult = 'pending' | 'sending' | 'sent' | 'failed';

export interface ReminderKey {
  taskId: number;
  kind: string;
  period: string;
  recipient: string;
  channel: string;
}

export interface ReminderRow extends ReminderKey {
  id: number;
  result: ReminderResult;
  claimedAt: string;
}

export interface Claim extends ReminderKey {
  role: string;
  unitId: number | null;
}

export async function findReminders(db: Db, taskIds: number[], channel: string): Promise<ReminderRow[]> {
  const out: ReminderRow[] = [];
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await db
      .selectFrom('reminder')
      .select(['id', 'task_id', 'kind', 'period', 'recipient', 'channel', 'result', 'claimed_at'])
      .where('task_id', 'in', taskIds.slice(i, i + 500))
      .where('channel', '=', channel)
      .execute();
    for (const r of rows) {
      out.push({ id: r.id, taskId: r.task_id, kind: r.kind, period: r.period, recipient: r.recipient, channel: r.channel, result: r.result as ReminderResult, claimedAt: r.claimed_at });
    }
  }
  return out;
}

/**
 * Takes the delivery for this run: a new row, or a failed or abandoned one (with `resend`, one in
 * doubt too) taken over. Returns the row's id and the Message-ID it keeps (an earlier attempt's,
 * else `messageId`), or null when another run holds it or it was sent.
 */
export async function claimReminder(
  db: Db,
  claim: Claim,
  at: string,
  abandonedBefore: string,
  options: { messageId: string; resend: boolean; claimant: string },
): Promise<{ id: number; messageId: string } | null> {
  const inserted = await db
    .insertInto('reminder')
    .values({
      task_id: claim.taskId,
      kind: claim.kind,
      period: claim.period,
      recipient: claim.recipient,
      channel: claim.channel,
      role: claim.role,
      unit_id: claim.unitId,
      result: 'sending',
      attempts: 1,
      claimed_at: at,
      message_id: options.messageId,
      claimed_by: options.claimant,
    })
    .onConflict((oc) => oc.columns(['task_id', 'kind', 'period', 'recipient', 'channel']).doNothing())
    .returning(['id', 'message_id'])
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, messageId: inserted.message_id ?? options.messageId };
  const retaken = await db
    .updateTable('reminder')
    .set((eb) => ({ result: 'sending', attempts: eb('attempts', '+', 1), claimed_at: at, claimed_by: options.claimant, error: null, role: claim.role, message_id: sql<string>`coalesce(message_id, ${options.messageId})` }))
    .where('task_id', '=', claim.taskId)
    .where('kind', '=', claim.kind)
    .where('period', '=', claim.period)
    .where('recipient', '=', claim.recipient)
    .where('channel', '=', claim.channel)
    .where((eb) =>
      eb.or([
        eb('result', '=', 'failed'),
        eb.and([eb('result', '=', 'pending'), eb('claimed_at', '<', abandonedBefore)]),
        ...(options.resend ? [eb('result', '=', 'sending')] : []),
      ]),
    )
    .returning(['id', 'message_id'])
    .executeTakeFirst();
  return retaken ? { id: retaken.id, messageId: retaken.message_id ?? options.messageId } : null;
}

/** Gives every claim of one message the Message-ID it goes out under. */
export async function setMessageId(db: Db, ids: number[], messageId: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) await db.updateTable('reminder').set({ message_id: messageId }).where('id', 'in', ids.slice(i, i + 500)).execute();
}

export interface InDoubt {
  taskId: number;
  recipient: string;
  messageId: string | null;
  since: string;
  /** host:pid of the run that handed it over. */
  by: string | null;
}

/** Deliveries handed to the server whose outcome never came back: perhaps sent. */
export async function findInDoubt(db: Db, channel: string): Promise<InDoubt[]> {
  const rows = await db
    .selectFrom('reminder')
    .select(['task_id', 'recipient', 'message_id', 'claimed_at', 'claimed_by'])
    .where('result', '=', 'sending')
    .where('channel', '=', channel)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ taskId: r.task_id, recipient: r.recipient, messageId: r.message_id, since: r.claimed_at, by: r.claimed_by }));
}

export async function finishReminders(
  db: Db,
  ids: number[],
  outcome: { result: 'sent' | 'failed'; at: string; error: string | null; message: string | null },
): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('reminder')
      .set({ result: outcome.result, sent_at: outcome.result === 'sent' ? outcome.at : null, error: outcome.error, message: outcome.message })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

/**
 * How many reminders each task was sent: one per occasion (kind and period) that reached the
 * server or the outbox, however many heads and copies it went to.
 */
export async function countSentReminders(db: Db, taskIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await db
      .selectFrom('reminder')
      .select(['task_id', 'kind', 'period'])
      .distinct()
      .where('task_id', 'in', taskIds.slice(i, i + 500))
      .where('result', '=', 'sent')
      .execute();
    for (const r of rows) out.set(r.task_id, (out.get(r.task_id) ?? 0) + 1);
  }
  return out;
}
