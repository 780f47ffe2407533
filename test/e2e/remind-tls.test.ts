/**
 * Mail over TLS: smtp:// upgrades with STARTTLS when the server offers it, smtps:// is TLS from
 * the start, and the server's certificate is checked unless the URL says otherwise.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runAsync } from '../helpers/spawn-cli.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { reminderLog, sampleTracker } from './remind-setup.js';

let sink: SmtpSink | null = null;

afterEach(async () => {
  await sink?.close();
  sink = null;
});

// smtp-server's built-in certificate is self-signed: a test server may say so in its URL.
const SELF_SIGNED = '?tls.rejectUnauthorized=false';

describe('tasks remind over TLS', () => {
  it('smtp:// upgrades with STARTTLS when the server offers it', async () => {
    sink = await startSmtpSink({ tls: 'starttls' });
    const ws = sampleTracker();
    const result = await runAsync(ws, ['remind'], { TASKS_SMTP_URL: `${sink.url}/${SELF_SIGNED}` });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(sink.received).toHaveLength(3);
    expect(sink.received.every((r) => r.secure)).toBe(true);
  });

  it('smtps:// is TLS from the first byte, with a password', async () => {
    sink = await startSmtpSink({ tls: 'implicit', user: 'nhacviec', password: 'mat-khau-2026' });
    expect(sink.url.startsWith('smtps://')).toBe(true);
    const ws = sampleTracker();
    const result = await runAsync(ws, ['remind'], { TASKS_SMTP_URL: `${sink.url}/${SELF_SIGNED}` });
    expect(result.code).toBe(0);
    expect(sink.received.map((r) => r.secure)).toEqual([true, true, true]);
    expect(result.stdout).not.toContain('mat-khau-2026');
  });

  it('a certificate that cannot be verified stops the run: exit 1, nothing sent or marked sent', async () => {
    sink = await startSmtpSink({ tls: 'starttls' });
    const ws = sampleTracker();
    const result = await runAsync(ws, ['remind'], { TASKS_SMTP_URL: sink.url });
    expect(result.code).toBe(1);
    expect(sink.received).toHaveLength(0);
    expect(result.stdout).toMatch(/certificate/i);
    expect(reminderLog(ws).filter((r) => r.result === 'sent')).toEqual([]);
  });
});
