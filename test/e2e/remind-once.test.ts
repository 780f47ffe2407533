/**
 * A reminder goes out at most once, even when the mail server took it but its reply was lost, or
 * the process was killed as it handed the message over: the attempt is recorded with its
 * Message-ID first, the next run says "có thể đã gửi" (exit 1) and sends it again only with
 * --resend, under the same Message-ID; what was claimed but never handed over goes out at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killAt } from '../helpers/kill.js';
import { runAsync } from '../helpers/spawn-cli.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { reminderLog, sampleTracker } from './remind-setup.js';

let sink: SmtpSink;

beforeEach(async () => {
  sink = await startSmtpSink();
});

afterEach(async () => {
  await sink.close();
});

const ids = () => sink.received.map((r) => r.mail.messageId);

describe('a reminder in doubt', () => {
  it('accepted but the reply lost: reported as "có thể đã gửi" every run, never sent again until --resend, then under the same Message-ID', async () => {
    const ws = sampleTracker();
    const env = { TASKS_SMTP_URL: sink.url };
    sink.dropReplies = 1;
    const first = await runAsync(ws, ['remind'], env);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toMatch(/^lỗi: \d+ thư nhắc việc có thể đã gửi \(nhiệm vụ #1, #2\)/m);
    expect(sink.received).toHaveLength(3);
    const doubtful = sink.received[0].mail.messageId!;
    expect(doubtful).toMatch(/^<nhac-viec\.[0-9a-f-]{36}@sngv\.quanghoa\.example\.vn>$/);

    const second = await runAsync(ws, ['remind'], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/có thể đã gửi/);
    expect(sink.received).toHaveLength(3);

    const resent = await runAsync(ws, ['remind', '--resend'], env);
    expect(resent.code, resent.stderr).toBe(0);
    expect(sink.received).toHaveLength(4);
    expect(sink.received[3].mail.messageId).toBe(doubtful);
    expect(new Set(ids()).size).toBe(3);

    const after = await runAsync(ws, ['remind'], env);
    expect(after.code, after.stderr).toBe(0);
    expect(sink.received).toHaveLength(4);
    expect(reminderLog(ws).every((r) => r.result === 'sent')).toBe(true);
  });

  it('killed as it handed a message over: that one is in doubt; the messages never handed over go out on the next run, not an hour later', async () => {
    const ws = sampleTracker();
    // In the settings, so the killed run (started by killAt) uses the same server and channel.
    expect(ws.run(['config', 'set', 'mail.smtpUrl', sink.url]).code).toBe(0);
    const env = {};
    expect(await killAt(ws, 'remind:send', ['remind'])).toBe('SIGKILL');
    expect(sink.received).toHaveLength(0);
    const next = await runAsync(ws, ['remind'], env);
    expect(next.code).toBe(1);
    expect(next.stderr).toMatch(/có thể đã gửi \(nhiệm vụ #1, #2\)/);
    // The other two units' messages were never claimed by the killed run: sent now.
    expect(sink.received).toHaveLength(2);
    const stored = ws.sql<{ message_id: string }>("select distinct message_id from reminder where result = 'sending'");
    expect(stored).toHaveLength(1);
    const resent = await runAsync(ws, ['remind', '--resend'], env);
    expect(resent.code, resent.stderr).toBe(0);
    expect(sink.received).toHaveLength(3);
    expect(sink.received[2].mail.messageId).toBe(stored[0].message_id);
  });
});
