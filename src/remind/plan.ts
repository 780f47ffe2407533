/**
 * Who gets which reminder this run: one message per lead unit, to the unit's address, with the
 * coordinating units and the office in Cc. A (task, trigger, recipient) already sent is never in
 * a plan again; when only some recipients of an earlier message failed, a second message goes to
 * those alone, so nobody sees the same reminder twice. Pure.
 */
import type { Unit } from '../domain/units.js';
import type { RemindItem } from './select.js';

export interface Recipient {
  address: string;
  name: string | null;
  role: 'to' | 'cc';
  unitId: number | null;
}

export interface Delivery {
  taskId: number;
  kind: string;
  period: string;
  recipient: Recipient;
}

export interface PlannedMessage {
  items: RemindItem[];
  to: Recipient[];
  cc: Recipient[];
  deliveries: Delivery[];
  /** Goes only to recipients an earlier message did not reach. */
  retry: boolean;
}

export interface UnitPlan {
  unit: Unit;
  items: RemindItem[];
  messages: PlannedMessage[];
  /** Tasks whose reminder every recipient already has. */
  alreadySent: number[];
  noEmail: boolean;
}

export interface PlanInput {
  items: RemindItem[];
  units: Unit[];
  ccCoordinating: boolean;
  officeEmail: string | null;
  officeName: string | null;
  /** True when this delivery was sent (or is being sent) before. */
  done: (delivery: Delivery) => boolean;
}

function intendedRecipients(item: RemindItem, lead: Unit, byCode: Map<string, Unit>, input: PlanInput): Recipient[] {
  const out: Recipient[] = [{ address: lead.email!.toLowerCase(), name: lead.name, role: 'to', unitId: lead.id }];
  const add = (r: Recipient) => {
    if (!out.some((o) => o.address === r.address)) out.push(r);
  };
  if (input.ccCoordinating) {
    for (const ref of item.task.coordinating) {
      const unit = byCode.get(ref.code);
      if (unit?.email) add({ address: unit.email.toLowerCase(), name: unit.name, role: 'cc', unitId: unit.id });
    }
  }
  if (input.officeEmail) add({ address: input.officeEmail.toLowerCase(), name: input.officeName, role: 'cc', unitId: null });
  return out;
}

function messageOf(entries: { item: RemindItem; needed: Delivery[] }[], retry: boolean): PlannedMessage {
  const recipients: Recipient[] = [];
  for (const { needed } of entries) {
    for (const d of needed) if (!recipients.some((r) => r.address === d.recipient.address)) recipients.push(d.recipient);
  }
  const to = retry ? recipients : recipients.filter((r) => r.role === 'to');
  const cc = retry ? [] : recipients.filter((r) => r.role !== 'to');
  return { items: entries.map((e) => e.item), to, cc, deliveries: entries.flatMap((e) => e.needed), retry };
}

export function planReminders(input: PlanInput): UnitPlan[] {
  const byCode = new Map(input.units.map((u) => [u.code, u]));
  const plans: UnitPlan[] = [];
  const ordered = [...input.units].sort((a, b) => a.position - b.position || a.id - b.id);
  for (const unit of ordered) {
    const items = input.items.filter((i) => i.task.lead?.code === unit.code);
    if (items.length === 0) continue;
    const plan: UnitPlan = { unit, items, messages: [], alreadySent: [], noEmail: !unit.email };
    plans.push(plan);
    if (!unit.email) continue;
    const fresh: { item: RemindItem; needed: Delivery[] }[] = [];
    const retry: { item: RemindItem; needed: Delivery[] }[] = [];
    for (const item of items) {
      const needed = intendedRecipients(item, unit, byCode, input)
        .map((recipient): Delivery => ({ taskId: item.task.id, kind: item.trigger.kind, period: item.trigger.period, recipient }))
        .filter((d) => !input.done(d));
      if (needed.length === 0) plan.alreadySent.push(item.task.id);
      else if (needed.some((d) => d.recipient.role === 'to')) fresh.push({ item, needed });
      else retry.push({ item, needed });
    }
    if (fresh.length) plan.messages.push(messageOf(fresh, false));
    if (retry.length) plan.messages.push(messageOf(retry, true));
  }
  return plans;
}

export function deliveryKey(d: { taskId: number; kind: string; period: string; recipient: { address: string } | string }): string {
  const address = typeof d.recipient === 'string' ? d.recipient : d.recipient.address;
  return `${d.taskId}|${d.kind}|${d.period}|${address.toLowerCase()}`;
}
