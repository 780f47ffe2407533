/**
 * The reminder log seen from `tasks remind`: claiming a run's deliveries before anything is
 * sent, and writing what became of each (and the audit trail) after.
 */
import crypto from 'node:crypto';
import { claimReminder, finishReminders, setMessageId } from '../db/reminder-repository.js';
import { deliveryKey, type Delivery, type PlannedMessage, type UnitPlan } from '../remind/plan.js';
import type { Channel, OutgoingMail, SendOutcome } from '../remind/transport.js';
import { audit, inTransaction, type Context } from './context.js';

/** A claim older than an hour was left by a run that died; it may be taken over. */
const ABANDONED_MS = 60 * 60 * 1000;

export function abandonedBefore(ctx: Context): string {
  return new Date(ctx.now().getTime() - ABANDONED_MS).toISOString();
}

export interface ClaimedMessage {
  plan: UnitPlan;
  message: PlannedMessage;
  claims: { delivery: Delivery; id: number }[];
}

export interface ClaimedMessageWithId extends ClaimedMessage {
  /** The Message-ID it goes out under: an earlier attempt's when this is a resend. */
  messageId: string;
}

/**
 * Claims the deliveries of one message, in the transaction committed just before it is handed to
 * the server, so a claim never outlives its send by more than the send itself; what another run
 * holds (or, without `resend`, what is in doubt) is left out. Null when nothing is left.
 */
export async function claimMessage(ctx: Context, plan: UnitPlan, message: PlannedMessage, channel: Channel, options: { resend: boolean; domain: string; claimant: string }): Promise<ClaimedMessageWithId | null> {
  return inTransaction(ctx, async (trx) => {
    const at = trx.now().toISOString();
    const before = abandonedBefore(trx);
    const fresh = `<nhac-viec.${crypto.randomUUID()}@${options.domain}>`;
    const claims: ClaimedMessage['claims'] = [];
    const earlier: string[] = [];
    for (const delivery of message.deliveries) {
      const claimed = await claimReminder(
        trx.db,
        { taskId: delivery.taskId, kind: delivery.kind, period: delivery.period, recipient: delivery.recipient.address, channel, role: delivery.recipient.role, unitId: delivery.recipient.unitId },
        at,
        before,
        { messageId: fresh, resend: options.resend, claimant: options.claimant },
      );
      if (claimed === null) continue;
      claims.push({ delivery, id: claimed.id });
      if (claimed.messageId !== fresh) earlier.push(claimed.messageId);
    }
    if (claims.length === 0) return null;
    // A resend goes out under the id of the attempt in doubt, so the duplicate is dropped.
    const messageId = earlier[0] ?? fresh;
    await setMessageId(trx.db, claims.map((c) => c.id), messageId);
    return { plan, message: narrowed(message, claims.map((c) => c.delivery)), claims, messageId };
  });
}

/** The message cut down to the deliveries this run holds. */
function narrowed(message: PlannedMessage, held: Delivery[]): PlannedMessage {
  const keys = new Set(held.map(deliveryKey));
  const addresses = new Set(held.map((d) => d.recipient.address));
  const taskIds = new Set(held.map((d) => d.taskId));
  return {
    ...message,
    items: message.items.filter((i) => taskIds.has(i.task.id)),
    to: message.to.filter((r) => addresses.has(r.address)),
    cc: message.cc.filter((r) => addresses.has(r.address)),
    deliveries: message.deliveries.filter((d) => keys.has(deliveryKey(d))),
  };
}

export async function recordOutcome(ctx: Context, claimed: ClaimedMessage, mail: OutgoingMail, outcome: SendOutcome, channel: Channel, target: string): Promise<void> {
  const failedBy = new Map(outcome.failed.map((f) => [f.address, f.error]));
  const at = ctx.now().toISOString();
  const sentIds = claimed.claims.filter((c) => !failedBy.has(c.delivery.recipient.address) && outcome.accepted.includes(c.delivery.recipient.address)).map((c) => c.id);
  const sent = new Set(sentIds);
  await inTransaction(ctx, async (trx) => {
    await finishReminders(trx.db, sentIds, { result: 'sent', at, error: null, message: outcome.reference });
    // Handed over with no verdict back: the rows stay "sending" (perhaps sent) until --resend.
    for (const c of outcome.inDoubt ? [] : claimed.claims.filter((c) => !sent.has(c.id))) {
      const error = failedBy.get(c.delivery.recipient.address) ?? 'không rõ kết quả gửi';
      await finishReminders(trx.db, [c.id], { result: 'failed', at, error, message: outcome.reference });
    }
    await audit(trx, 'remind.send', { unitId: claimed.plan.unit.id }, {
      channel,
      target,
      subject: mail.subject,
      to: mail.to.map((a) => a.address),
      cc: mail.cc.map((a) => a.address),
      tasks: claimed.message.items.map((i) => i.task.id),
      triggers: [...new Set(claimed.message.items.map((i) => i.trigger.kind))],
      accepted: outcome.accepted,
      failed: outcome.failed,
      reference: outcome.reference,
      ...(outcome.inDoubt ? { inDoubt: true } : {}),
    });
    // So that `tasks show` tells when each task was reminded, and who did not get it.
    for (const item of claimed.message.items) {
      const mine = claimed.claims.filter((c) => c.delivery.taskId === item.task.id);
      await audit(trx, 'remind.task', { taskId: item.task.id, unitId: claimed.plan.unit.id }, {
        kind: item.trigger.kind,
        period: item.trigger.period,
        channel,
        sent: mine.filter((c) => sent.has(c.id)).map((c) => c.delivery.recipient.address),
        failed: mine.filter((c) => !sent.has(c.id)).map((c) => c.delivery.recipient.address),
        reference: outcome.reference,
      });
    }
  });
}
