/**
 * `tasks remind`: works out who is owed which reminder as of the as-of day; for each message,
 * claims its deliveries with a stable Message-ID in a transaction committed just before it is
 * handed over, sends (outbox files or SMTP), then records the result. A failed recipient stays
 * owed and is retried by the next run; a sent one never is; one handed over with no verdict
 * back is "perhaps sent", reported every run and sent again only with --resend, under its id.
 */
import { latestNotes } from '../db/note-repository.js';
import { pausePoint } from '../db/pause-point.js';
import { findInDoubt, findReminders, type InDoubt } from '../db/reminder-repository.js';
import { loadRegistry } from '../db/unit-repository.js';
import type { IsoDate } from '../domain/dates.js';
import { ValidationError, t } from '../domain/errors.js';
import { checkSmtpUrl, maskSmtpUrl } from '../domain/remind-settings.js';
import type { Person } from '../domain/roles.js';
import type { SettingMap } from '../domain/settings.js';
import { composeMessage, type Letterhead } from '../remind/message.js';
import { deliveryKey, planReminders, type PlannedMessage, type UnitPlan } from '../remind/plan.js';
import { scheduleFrom } from '../remind/schedule.js';
import { horizonOf, selectItems, type RunMode } from '../remind/select.js';
import { summarise, type MessageReport, type RemindSummary } from '../remind/summary.js';
import type { Address, Channel, OutgoingMail, SendOutcome, Transport } from '../remind/transport.js';
import { configMap } from './config.js';
import type { Context } from './context.js';
import { leadUnitIdsFor } from './due-view.js';
import { loadViews } from './load-tasks.js';
import { abandonedBefore, claimMessage, recordOutcome } from './remind-log.js';

export interface RemindInput {
  dryRun: boolean;
  /** --outbox DIR: write files there even when a mail server is configured. */
  outbox: string | null;
  /** Where the outbox goes when neither --outbox nor a mail server says: beside the database. */
  defaultOutbox: string;
  unit: string | null;
  beforeMeeting: IsoDate | null;
  /** TASKS_SMTP_URL, which wins over mail.smtpUrl. */
  smtpUrlFromEnv: string | null;
  /** --resend: send again what an earlier run handed over without a verdict, under its Message-ID. */
  resend?: boolean;
  /** This run, as host:pid, recorded with each attempt. */
  claimant?: string;
  /** Whether the run `host:pid` is still at work (false when it died; unknown on another host: true). */
  stillRunning?: (claimant: string) => boolean;
}

/** A send lasts at most this long (connection, greeting and socket timeouts): an attempt older is over. */
const SEND_MS = 2 * 60 * 1000;

type Route = { channel: 'outbox'; dir: string } | { channel: 'smtp'; url: string };

function routeOf(input: RemindInput, settings: SettingMap): Route {
  if (input.outbox) return { channel: 'outbox', dir: input.outbox };
  const fromEnv = input.smtpUrlFromEnv?.trim();
  if (fromEnv) {
    try {
      return { channel: 'smtp', url: checkSmtpUrl(fromEnv) };
    } catch {
      // The value is not echoed: it may hold a password.
      throw new ValidationError(t('biến môi trường TASKS_SMTP_URL không hợp lệ', 'TASKS_SMTP_URL is not a valid mail server URL'), t('dạng smtp://tài-khoản:mật-khẩu@máy-chủ:587 hoặc smtps://…:465', 'like smtp://user:password@host:587 or smtps://…:465'));
    }
  }
  if (settings['mail.smtpUrl']) return { channel: 'smtp', url: settings['mail.smtpUrl'] };
  return { channel: 'outbox', dir: input.defaultOutbox };
}

function modeOf(ctx: Context, input: RemindInput, settings: SettingMap): RunMode {
  if (input.beforeMeeting === null) return { kind: 'schedule', schedule: scheduleFrom(settings) };
  if (input.beforeMeeting < ctx.today) {
    throw new ValidationError(
      t(`ngày họp giao ban ${input.beforeMeeting} đã qua (hôm nay là ${ctx.today})`, `the meeting day ${input.beforeMeeting} has passed (today is ${ctx.today})`),
      t('nêu ngày họp sắp tới, ví dụ --before-meeting 30/11/2026', 'give the coming meeting day, e.g. --before-meeting 2026-11-30'),
    );
  }
  return { kind: 'meeting', on: input.beforeMeeting, daysAhead: Number(settings['remind.meetingDaysAhead'] ?? 7) };
}

function senderOf(settings: SettingMap, dryRun: boolean): Address {
  const address = settings['mail.from'] || settings['office.email'];
  if (!address && !dryRun) {
    throw new ValidationError(
      t('chưa có địa chỉ gửi thư nhắc việc', 'no sender address for reminders'),
      t('đặt bằng "tasks config set office.email vanphong@…" hoặc "tasks config set mail.from …"', 'set one with "tasks config set office.email …" or "tasks config set mail.from …"'),
    );
  }
  return { name: settings['mail.senderName'] || null, address };
}

async function planRun(ctx: Context, input: RemindInput, settings: SettingMap, channel: Channel): Promise<UnitPlan[]> {
  const mode = modeOf(ctx, input, settings);
  const registry = await loadRegistry(ctx.db);
  const views = await loadViews(ctx, { openDueBy: horizonOf(mode, ctx.today), leadUnitIds: await leadUnitIdsFor(ctx, input.unit) });
  const items = selectItems(views, ctx.today, mode);
  const stale = abandonedBefore(ctx);
  const rows = await findReminders(ctx.db, [...new Set(items.map((i) => i.task.id))], channel);
  const done = new Set(
    rows
      .filter((r) => r.result === 'sent' || (r.result === 'pending' && r.claimedAt >= stale) || (r.result === 'sending' && input.resend !== true))
      .map((r) => deliveryKey({ ...r, recipient: r.recipient })),
  );
  return planReminders({
    items,
    units: registry.units,
    ccCoordinating: settings['remind.ccCoordinating'] === 'on',
    officeEmail: settings['office.email'] || null,
    officeName: settings['mail.senderName'] || null,
    done: (d) => done.has(deliveryKey(d)),
  });
}

function replyToOf(settings: SettingMap, from: Address): Address | null {
  const office = settings['office.email'];
  return office && office !== from.address ? { name: from.name, address: office } : null;
}

function mailOf(claimed: { plan: UnitPlan; message: PlannedMessage }, from: Address, replyTo: Address | null, head: Letterhead): OutgoingMail {
  const content = composeMessage(claimed.plan.unit, claimed.message, head);
  const to = claimed.message.to.length ? claimed.message.to : claimed.message.cc;
  const cc = claimed.message.to.length ? claimed.message.cc : [];
  return { from, replyTo, to, cc, ...content, unitCode: claimed.plan.unit.code };
}

async function openTransport(route: Route, ctx: Context): Promise<Transport> {
  if (route.channel === 'smtp') return (await import('../remind/smtp.js')).openSmtp(route.url);
  return (await import('../remind/outbox.js')).openOutbox(route.dir, ctx.now);
}

/**
 * With web.url set, a message that goes to the unit's registered head alone (no Cc) carries a
 * personal sign-in link for the web page; one that others also read carries the page's address
 * only, where the head asks for a link: a link signs in whoever holds it.
 */
async function signInLinksFor(ctx: Context, plans: UnitPlan[], settings: SettingMap): Promise<Map<string, { name: string; url: string }>> {
  const links = new Map<string, { name: string; url: string }>();
  if (!settings['web.url']) return links;
  const { findHeadsOf } = await import('../db/person-repository.js');
  const heads = new Map<string, Person>();
  for (const plan of plans) {
    const alone = plan.messages.length > 0 && plan.messages.every((m) => m.cc.length === 0 && m.to.length === 1);
    if (!alone) continue;
    const address = plan.messages[0].to[0].address.toLowerCase();
    const person = (await findHeadsOf(ctx.db, plan.unit.id)).find((p) => p.email === address);
    if (person && plan.messages.every((m) => m.to[0].address.toLowerCase() === address)) heads.set(plan.unit.code, person);
  }
  if (heads.size === 0) return links;
  const { reminderLinks } = await import('./web-login.js');
  const urls = await reminderLinks(ctx, heads, settings['web.url']);
  for (const [code, url] of urls) links.set(code, { name: heads.get(code)!.name, url });
  return links;
}

export async function remind(ctx: Context, input: RemindInput): Promise<RemindSummary & { inDoubt: InDoubt[] }> {
  const settings = await configMap(ctx);
  const route = routeOf(input, settings);
  const from = senderOf(settings, input.dryRun);
  const replyTo = replyToOf(settings, from);
  const letterhead: Letterhead = {
    today: ctx.today,
    meetingOn: input.beforeMeeting,
    senderName: settings['mail.senderName'],
    signature: settings['mail.signature'],
    officeEmail: settings['office.email'] || null,
    notes: new Map(),
    webUrl: settings['web.url'] || null,
  };
  // Each task's latest progress note, so the unit sees what the office last heard.
  const withNotes = async (plans: UnitPlan[]): Promise<Letterhead> => ({
    ...letterhead,
    notes: await latestNotes(ctx.db, [...new Set(plans.flatMap((p) => p.messages.flatMap((m) => m.items.map((i) => i.task.id))))], ctx.today),
  });
  const target = route.channel === 'smtp' ? maskSmtpUrl(route.url) : route.dir;

  if (input.dryRun) {
    const plans = await planRun(ctx, input, settings, route.channel);
    const head = await withNotes(plans);
    const reports: MessageReport[] = plans.flatMap((plan) =>
      plan.messages.map((message) => {
        const mail = mailOf({ plan, message }, from, replyTo, head);
        return { unitCode: plan.unit.code, mail, message, outcome: null };
      }),
    );
    return { ...summarise({ asOf: ctx.today, mode: 'dry-run', channel: route.channel, target, meetingOn: input.beforeMeeting, plans, reports }), inDoubt: [] };
  }

  // Checked before anything is claimed, so a bad folder or URL leaves nothing owed as pending.
  const transport = await openTransport(route, ctx);
  try {
    const resend = input.resend === true;
    // Reported every run until settled: an earlier run handed these over and never heard back.
    // Not another run's send still under way: the run died, or the attempt is older than any send.
    const over = new Date(ctx.now().getTime() - SEND_MS).toISOString();
    const earlierInDoubt = resend ? [] : (await findInDoubt(ctx.db, route.channel)).filter((d) => d.since < over || d.by === null || !(input.stillRunning?.(d.by) ?? true));
    const plans = await planRun(ctx, input, settings, route.channel);
    const domain = /@([^@\s>]+)$/.exec(from.address)?.[1] ?? 'tasks.invalid';
    const head = { ...(await withNotes(plans)), signInLinks: await signInLinksFor(ctx, plans, settings) };
    const reports: MessageReport[] = [];
    const inDoubt: InDoubt[] = [...earlierInDoubt];
    let unreachable: SendOutcome | null = null;
    for (const plan of plans) {
      for (const message of plan.messages) {
        const c = await claimMessage(ctx, plan, message, route.channel, { resend, domain, claimant: input.claimant ?? 'tasks' });
        if (c === null) continue;
        const mail = { ...mailOf(c, from, replyTo, head), messageId: c.messageId };
        let outcome: SendOutcome;
        if (unreachable) {
          const error = unreachable.failed[0]?.error ?? 'không kết nối được máy chủ thư';
          outcome = { accepted: [], failed: [...mail.to, ...mail.cc].map((a) => ({ address: a.address, error })), reference: null, unreachable: true };
        } else {
          // The claim is committed: from here the message counts as handed over.
          await pausePoint('remind:send');
          outcome = await transport.send(mail);
          if (outcome.unreachable) unreachable = outcome;
        }
        await recordOutcome(ctx, c, mail, outcome, route.channel, target);
        if (outcome.inDoubt) for (const claim of c.claims) inDoubt.push({ taskId: claim.delivery.taskId, recipient: claim.delivery.recipient.address, messageId: c.messageId, since: ctx.now().toISOString(), by: input.claimant ?? null });
        reports.push({ unitCode: c.plan.unit.code, mail, message: c.message, outcome });
      }
    }
    return { ...summarise({ asOf: ctx.today, mode: route.channel, channel: route.channel, target, meetingOn: input.beforeMeeting, plans, reports }), inDoubt };
  } finally {
    transport.close();
  }
}
