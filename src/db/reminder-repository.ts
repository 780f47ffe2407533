/**
 * The reminder log. A delivery is claimed (a "pending" row) before it is sent and marked sent or
 * failed after; the unique key (task, kind, period, recipient, channel) means two runs can never
 * both claim it. A failed row, or a claim abandoned by a run that died, can be claimed again.
 */
import type { Db } from './connect.js';

export type ReminderResult = 'pending' | 'sent' | 'failed';

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
 * Takes the delivery for this run: a new row, or a failed or abandoned one taken over. Returns
 * the row's id, or null when another run holds it or it was sent.
 */
export async function claimReminder(db: Db, claim: Claim, at: string, abandonedBefore: string): Promise<number | null> {
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
      result: 'pending',
      attempts: 1,
      claimed_at: at,
    })
    .onConflict((oc) => oc.columns(['task_id', 'kind', 'period', 'recipient', 'channel']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const retaken = await db
    .updateTable('reminder')
    .set((eb) => ({ result: 'pending', attempts: eb('attempts', '+', 1), claimed_at: at, error: null, role: claim.role }))
    .where('task_id', '=', claim.taskId)
    .where('kind', '=', claim.kind)
    .where('period', '=', claim.period)
    .where('recipient', '=', claim.recipient)
    .where('channel', '=', claim.channel)
    .where((eb) => eb.or([eb('result', '=', 'failed'), eb.and([eb('result', '=', 'pending'), eb('claimed_at', '<', abandonedBefore)])]))
    .returning('id')
    .executeTakeFirst();
  return retaken?.id ?? null;
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
