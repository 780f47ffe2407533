/**
 * What a run did, unit by unit: the tasks reminded, sent, failed and skipped (already sent,
 * being sent by another run, or a unit without an e-mail), and each message with the recipients
 * that took it and those that did not. This is the JSON of `tasks remind --json`. Pure.
 */
import type { IsoDate } from '../domain/dates.js';
import type { PlannedMessage, UnitPlan } from './plan.js';
import type { Channel, OutgoingMail, SendOutcome } from './transport.js';

export interface MessageReport {
  unitCode: string;
  mail: OutgoingMail;
  message: PlannedMessage;
  /** null on a dry run. */
  outcome: SendOutcome | null;
}

export interface MessageJson {
  subject: string;
  from: string;
  to: string[];
  cc: string[];
  tasks: number[];
  retry: boolean;
  accepted: string[];
  failed: { address: string; error: string }[];
  /** The outbox file name or the Message-ID. */
  reference: string | null;
  /** The plain-text body, on a dry run only. */
  text?: string;
}

export type UnitStatus = 'sent' | 'partial' | 'failed' | 'planned' | 'nothing_new' | 'no_email';

export interface UnitSummary {
  unit: string;
  name: string;
  email: string | null;
  status: UnitStatus;
  /** Every task of the unit that reached a trigger this run. */
  tasks: number[];
  sent: number;
  failed: number;
  skipped: number;
  messages: MessageJson[];
}

export interface RemindSummary {
  asOf: IsoDate;
  mode: 'dry-run' | Channel;
  channel: Channel;
  /** The outbox folder, or the mail server with its password masked. */
  target: string;
  meeting: IsoDate | null;
  units: UnitSummary[];
  /** Codes of lead units that have tasks to remind but no e-mail address. */
  noEmail: string[];
  totals: { messages: number; sent: number; failed: number; skipped: number };
}

function messageJson(report: MessageReport, dryRun: boolean): MessageJson {
  const { mail, outcome } = report;
  return {
    subject: mail.subject,
    from: mail.from.address,
    to: mail.to.map((a) => a.address),
    cc: mail.cc.map((a) => a.address),
    tasks: report.message.items.map((i) => i.task.id),
    retry: report.message.retry,
    accepted: outcome?.accepted ?? [],
    failed: outcome?.failed ?? [],
    reference: outcome?.reference ?? null,
    ...(dryRun ? { text: mail.text } : {}),
  };
}

/** Task ids of a report that every recipient took, and those some recipient did not. */
function taskOutcomes(report: MessageReport): { sent: number[]; failed: number[] } {
  const sent: number[] = [];
  const failed: number[] = [];
  const accepted = new Set(report.outcome?.accepted ?? []);
  for (const item of report.message.items) {
    const deliveries = report.message.deliveries.filter((d) => d.taskId === item.task.id);
    if (deliveries.every((d) => accepted.has(d.recipient.address))) sent.push(item.task.id);
    else failed.push(item.task.id);
  }
  return { sent, failed };
}

export function summarise(run: {
  asOf: IsoDate;
  mode: RemindSummary['mode'];
  channel: Channel;
  target: string;
  meetingOn: IsoDate | null;
  plans: UnitPlan[];
  reports: MessageReport[];
}): RemindSummary {
  const dryRun = run.mode === 'dry-run';
  const units = run.plans.map((plan): UnitSummary => {
    const reports = run.reports.filter((r) => r.unitCode === plan.unit.code);
    const tasks = plan.items.map((i) => i.task.id);
    let sent = 0;
    let failed = 0;
    let planned = 0;
    for (const report of reports) {
      if (dryRun) {
        planned += report.message.items.length;
        continue;
      }
      const outcome = taskOutcomes(report);
      sent += outcome.sent.length;
      failed += outcome.failed.length;
    }
    const skipped = tasks.length - sent - failed - planned;
    const status: UnitStatus = plan.noEmail
      ? 'no_email'
      : dryRun
        ? planned
          ? 'planned'
          : 'nothing_new'
        : failed && sent
          ? 'partial'
          : failed
            ? 'failed'
            : sent
              ? 'sent'
              : 'nothing_new';
    return { unit: plan.unit.code, name: plan.unit.name, email: plan.unit.email, status, tasks, sent, failed, skipped, messages: reports.map((r) => messageJson(r, dryRun)) };
  });
  return {
    asOf: run.asOf,
    mode: run.mode,
    channel: run.channel,
    target: run.target,
    meeting: run.meetingOn,
    units,
    noEmail: units.filter((u) => u.status === 'no_email').map((u) => u.unit),
    totals: {
      messages: run.reports.length,
      sent: units.reduce((n, u) => n + u.sent, 0),
      failed: units.reduce((n, u) => n + u.failed, 0),
      skipped: units.reduce((n, u) => n + u.skipped, 0),
    },
  };
}
