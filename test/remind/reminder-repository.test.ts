import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '../../src/db/connect.js';
import { openTestDatabase } from '../helpers/test-db.js';
import { claimReminder, findReminders, finishReminders, type Claim } from '../../src/db/reminder-repository.js';

let opened: OpenedDatabase;

beforeEach(async () => {
  opened = await openTestDatabase();
  const now = '2026-11-20T01:00:00.000Z';
  await opened.db
    .insertInto('task')
    .values({ text: 'Rà soát', text_folded: 'ra soat', ongoing: 0, assigned_on: '2026-11-01', due_on: '2026-11-19', original_due_on: '2026-11-19', created_at: now, updated_at: now })
    .execute();
});

afterEach(async () => {
  await opened.close();
});

const claim: Claim = { taskId: 1, kind: 'after-1', period: '2026-11-19', recipient: 'lanhsu@so.example.vn', channel: 'smtp', role: 'to', unitId: null };
const AT = '2026-11-20T01:00:00.000Z';
const HOUR_AGO = '2026-11-20T00:00:00.000Z';
const ID = { messageId: '<nhac-viec.1@so.example.vn>', resend: false, claimant: 'may-chu:1' };

describe('reminder log', () => {
  it('the unique key refuses a second row for the same task, trigger, period, recipient and channel', async () => {
    await claimReminder(opened.db, claim, AT, HOUR_AGO, ID);
    await expect(
      opened.db
        .insertInto('reminder')
        .values({ task_id: 1, kind: 'after-1', period: '2026-11-19', recipient: 'lanhsu@so.example.vn', channel: 'smtp', role: 'to', unit_id: null, result: 'sent', attempts: 1, claimed_at: AT })
        .execute(),
    ).rejects.toThrow(/UNIQUE|duplicate key/);
  });

  it('a delivery claimed or sent cannot be claimed again; another channel or period can', async () => {
    const first = await claimReminder(opened.db, claim, AT, HOUR_AGO, ID);
    expect(first).not.toBeNull();
    expect(await claimReminder(opened.db, claim, AT, HOUR_AGO, ID)).toBeNull();
    await finishReminders(opened.db, [first!.id], { result: 'sent', at: AT, error: null, message: 'x.eml' });
    expect(await claimReminder(opened.db, claim, '2026-11-27T01:00:00.000Z', '2026-11-27T00:00:00.000Z', ID)).toBeNull();
    expect(await claimReminder(opened.db, { ...claim, channel: 'outbox' }, AT, HOUR_AGO, ID)).not.toBeNull();
    expect(await claimReminder(opened.db, { ...claim, kind: 'after-8' }, AT, HOUR_AGO, ID)).not.toBeNull();
  });

  it('a failed delivery is taken again; one handed over without a verdict only with resend, under its Message-ID', async () => {
    const first = await claimReminder(opened.db, claim, AT, HOUR_AGO, ID);
    expect(first).toEqual({ id: expect.any(Number), messageId: ID.messageId });
    await finishReminders(opened.db, [first!.id], { result: 'failed', at: AT, error: '550', message: null });
    const again = { messageId: '<nhac-viec.2@so.example.vn>', resend: false, claimant: 'may-chu:2' };
    // Retaken after a failure: the row keeps the id it first had.
    expect(await claimReminder(opened.db, claim, AT, HOUR_AGO, again)).toEqual({ id: first!.id, messageId: ID.messageId });
    // Now "sending": in doubt, not taken again, however late, without resend.
    expect(await claimReminder(opened.db, claim, '2026-11-21T03:00:00.000Z', '2026-11-21T02:00:00.000Z', again)).toBeNull();
    expect(await claimReminder(opened.db, claim, '2026-11-21T03:00:00.000Z', '2026-11-21T02:00:00.000Z', { ...again, resend: true })).toEqual({ id: first!.id, messageId: ID.messageId });
    const [row] = await findReminders(opened.db, [1], 'smtp');
    expect(row.result).toBe('sending');
    const attempts = await opened.db.selectFrom('reminder').select('attempts').executeTakeFirstOrThrow();
    expect(attempts.attempts).toBe(3);
  });

  it('a "pending" claim left by an earlier version is taken again once abandoned for an hour', async () => {
    await opened.db
      .insertInto('reminder')
      .values({ task_id: 1, kind: 'after-1', period: '2026-11-19', recipient: 'lanhsu@so.example.vn', channel: 'smtp', role: 'to', unit_id: null, result: 'pending', attempts: 1, claimed_at: AT })
      .execute();
    expect(await claimReminder(opened.db, claim, '2026-11-20T01:01:00.000Z', '2026-11-20T00:01:00.000Z', ID)).toBeNull();
    expect(await claimReminder(opened.db, claim, '2026-11-20T03:00:00.000Z', '2026-11-20T02:00:00.000Z', ID)).not.toBeNull();
  });
});
