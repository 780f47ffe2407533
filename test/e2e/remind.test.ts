/**
 * `tasks remind` end to end: the real CLI process sends through a real SMTP server listening on
 * 127.0.0.1 inside this test process, and the messages are decoded with mailparser.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAsync } from '../helpers/spawn-cli.js';
import { addressesOf, closedPort, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { HTQT, LS, OFFICE, TTDN, TTR, auditText, reminderLog, sampleTracker, sqlite } from './remind-setup.js';

let sink: SmtpSink;

beforeEach(async () => {
  sink = await startSmtpSink();
});

afterEach(async () => {
  await sink.close();
});

function byUnit(code: string) {
  return (u: { unit: string }) => u.unit === code;
}

describe('tasks remind over SMTP', () => {
  it('sends one message per lead unit to its address, Cc the coordinating unit and the office', async () => {
    const ws = sampleTracker();
    const result = await runAsync(ws, ['remind', '--json'], { TASKS_SMTP_URL: sink.url });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    expect(sink.received.map((r) => r.rcpt)).toEqual([
      [LS, OFFICE, TTR].sort(),
      [HTQT, OFFICE].sort(),
      [TTDN, OFFICE].sort(),
    ]);
    const ls = sink.received[0].mail;
    expect(ls.subject).toBe('[Nhắc việc] 1 nhiệm vụ quá hạn, 1 sắp đến hạn — Phòng Lãnh sự');
    expect(addressesOf(ls.to)).toEqual([LS]);
    expect(addressesOf(ls.cc)).toEqual([TTR, OFFICE].sort());
    expect(ls.from?.value[0]).toEqual({ address: 'nhacviec@sngv.quanghoa.example.vn', name: 'Văn phòng Sở' });
    expect(ls.replyTo?.value[0].address).toBe(OFFICE);
    expect(ls.text).toContain('1. Báo cáo kết quả rà soát hộ chiếu công vụ');
    expect(ls.text).toContain('Văn bản: 84/TB-SNgV ngày 01/10/2026 · Hạn xử lý: 19/11/2026 · quá hạn 1 ngày');
    expect(ls.text).toContain('Rà soát thủ tục hành chính lĩnh vực lãnh sự');
    expect(ls.text).toContain('Hạn xử lý: 23/11/2026 · còn 3 ngày');
    expect(ls.text).not.toContain('Việc đã xong');
    expect(ls.html).toContain('<td style="border:1px solid #999;padding:4px 6px;vertical-align:top">19/11/2026</td>');
    expect(sink.received[1].mail.subject).toBe('[Nhắc việc] 1 nhiệm vụ đến hạn hôm nay — Phòng Hợp tác quốc tế');
    expect(sink.received[2].mail.subject).toBe('[Nhắc việc] 1 nhiệm vụ sắp đến hạn — Phòng Thông tin đối ngoại');
    // The raw message carries encoded words, not bare UTF-8, in its headers.
    expect(sink.received[0].raw).toMatch(/^Subject: =\?UTF-8\?Q\?=5BNh/m);

    const summary = JSON.parse(result.stdout);
    expect(summary.mode).toBe('smtp');
    expect(summary.totals).toEqual({ messages: 3, sent: 4, failed: 0, skipped: 0 });
    expect(summary.units.find(byUnit('LS'))).toMatchObject({ status: 'sent', tasks: [1, 2], sent: 2, failed: 0 });
    expect(summary.units.find(byUnit('VP'))).toBeUndefined();
    expect(reminderLog(ws).every((r) => r.result === 'sent' && r.channel === 'smtp')).toBe(true);
    expect(reminderLog(ws)).toHaveLength(9);
    const shown = ws.json(['show', '1']);
    expect(shown.history.map((h: { action: string }) => h.action)).toContain('remind.task');
  });

  it('a second run the same day sends nothing new', async () => {
    const ws = sampleTracker();
    expect((await runAsync(ws, ['remind'], { TASKS_SMTP_URL: sink.url })).code).toBe(0);
    expect(sink.received).toHaveLength(3);
    const again = await runAsync(ws, ['remind', '--json'], { TASKS_SMTP_URL: sink.url });
    expect(again.code).toBe(0);
    expect(sink.received).toHaveLength(3);
    const summary = JSON.parse(again.stdout);
    expect(summary.totals).toEqual({ messages: 0, sent: 0, failed: 0, skipped: 4 });
    expect(summary.units.map((u: { status: string }) => u.status)).toEqual(['nothing_new', 'nothing_new', 'nothing_new']);
  });

  it('a refused recipient fails alone, exit 1, and the next run retries only that recipient', async () => {
    const ws = sampleTracker();
    sink.refuse.add(TTR);
    const first = await runAsync(ws, ['remind', '--json'], { TASKS_SMTP_URL: sink.url });
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/^lỗi: 1 nhiệm vụ chưa nhắc được/);
    expect(first.stderr.trim().split('\n')).toHaveLength(1);
    expect(sink.received.map((r) => r.rcpt)).toEqual([[LS, OFFICE].sort(), [HTQT, OFFICE].sort(), [TTDN, OFFICE].sort()]);
    const summary = JSON.parse(first.stdout);
    expect(summary.units.find(byUnit('LS'))).toMatchObject({ status: 'partial', sent: 1, failed: 1 });
    expect(summary.units.find(byUnit('LS')).messages[0].failed).toEqual([{ address: TTR, error: expect.stringContaining('550') }]);
    expect(reminderLog(ws).filter((r) => r.result !== 'sent')).toEqual([expect.objectContaining({ task_id: 1, recipient: TTR, result: 'failed' })]);

    sink.refuse.clear();
    const second = await runAsync(ws, ['remind', '--json'], { TASKS_SMTP_URL: sink.url });
    expect(second.code).toBe(0);
    expect(sink.received).toHaveLength(4);
    const retry = sink.received[3];
    expect(retry.rcpt).toEqual([TTR]);
    expect(retry.mail.subject).toBe('[Nhắc việc] 1 nhiệm vụ quá hạn — Phòng Lãnh sự');
    expect(retry.mail.text).toContain('Báo cáo kết quả rà soát hộ chiếu công vụ');
    expect(retry.mail.text).not.toContain('Rà soát thủ tục hành chính');
    expect(reminderLog(ws).every((r) => r.result === 'sent')).toBe(true);

    await runAsync(ws, ['remind'], { TASKS_SMTP_URL: sink.url });
    expect(sink.received).toHaveLength(4);
  });

  it('every recipient of a message refused: that unit fails, the others are sent', async () => {
    const ws = sampleTracker();
    sink.refuse.add(HTQT);
    sink.refuse.add(OFFICE);
    const result = await runAsync(ws, ['remind', '--json'], { TASKS_SMTP_URL: sink.url });
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.units.find(byUnit('HTQT'))).toMatchObject({ status: 'failed', sent: 0, failed: 1 });
    expect(summary.units.find(byUnit('TTDN'))).toMatchObject({ status: 'failed' });
    expect(sink.received.map((r) => r.rcpt)).toEqual([[LS, TTR].sort(), [TTDN]]);
  });

  it('a server that is down: exit 1, nothing marked sent, and the next run sends everything', async () => {
    const ws = sampleTracker();
    const down = `smtp://127.0.0.1:${await closedPort()}`;
    const result = await runAsync(ws, ['remind'], { TASKS_SMTP_URL: down });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^lỗi: 4 nhiệm vụ chưa nhắc được .*\(kiểm tra máy chủ thư/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toContain('Phòng Lãnh sự (LS): đã gửi 0, lỗi 2, bỏ qua 0');
    expect(result.stdout).toMatch(/ECONNREFUSED|ECONNECTION/);
    const log = reminderLog(ws);
    expect(log.length).toBeGreaterThan(0);
    expect(log.filter((r) => r.result === 'sent')).toEqual([]);

    const later = await runAsync(ws, ['remind'], { TASKS_SMTP_URL: sink.url });
    expect(later.code).toBe(0);
    expect(sink.received).toHaveLength(3);
  });

  it('the SMTP password never appears in output, the audit trail or the log', async () => {
    await sink.close();
    const secret = 'Mat-Khau_Bi.Mat#2026';
    sink = await startSmtpSink({ user: 'nhacviec', password: secret });
    const ws = sampleTracker();
    const wrong = sink.url.replace(encodeURIComponent(secret), 'sai-mat-khau');
    const refused = await runAsync(ws, ['remind'], { TASKS_SMTP_URL: wrong });
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).not.toContain('sai-mat-khau');
    expect(refused.stdout).toContain('smtp://nhacviec:***@127.0.0.1');

    const set = ws.run(['config', 'set', 'mail.smtpUrl', sink.url]);
    expect(set.code).toBe(0);
    const shown = ws.run(['config', 'list']).stdout + ws.run(['config', 'get', 'mail.smtpUrl']).stdout + set.stderr;
    expect(shown).toContain('smtp://nhacviec:***@127.0.0.1');
    const sent = await runAsync(ws, ['remind', '--json']);
    expect(sent.code).toBe(0);
    expect(sink.received).toHaveLength(3);
    for (const text of [refused.stdout, refused.stderr, shown, sent.stdout, sent.stderr, auditText(ws), JSON.stringify(reminderLog(ws))]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(encodeURIComponent(secret));
    }
  });

  it('CR/LF in stored task text and unit names cannot add a header or a recipient', async () => {
    const ws = sampleTracker();
    sqlite(ws, "update task set text = ? where id = 1", 'Báo cáo\r\nBcc: ke-gian@example.com\r\nSubject: gia mao\r\n\r\nnội dung');
    sqlite(ws, "update unit set name = ? where code = 'LS'", 'Phòng Lãnh sự\r\nBcc: ke-gian@example.com');
    const result = await runAsync(ws, ['remind'], { TASKS_SMTP_URL: sink.url });
    expect(result.code).toBe(0);
    for (const r of sink.received) {
      expect(r.rcpt).not.toContain('ke-gian@example.com');
      expect(r.mail.bcc).toBeUndefined();
      const headers = r.raw.slice(0, r.raw.indexOf('\r\n\r\n'));
      expect(headers).not.toMatch(/^(Bcc|Subject: gia mao)/im);
    }
    const ls = sink.received[0].mail;
    expect(ls.subject).toBe('[Nhắc việc] 1 nhiệm vụ quá hạn, 1 sắp đến hạn — Phòng Lãnh sự Bcc: ke-gian@example.com');
    expect(ls.text).toContain('1. Báo cáo Bcc: ke-gian@example.com Subject: gia mao nội dung\n');
  });

  it('--dry-run prints the messages and changes nothing: no mail, same database bytes, no outbox', async () => {
    const ws = sampleTracker();
    const before = ws.snapshot();
    const result = await runAsync(ws, ['remind', '--dry-run'], { TASKS_SMTP_URL: sink.url });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('CHẠY THỬ');
    expect(result.stdout).toContain('Tiêu đề: [Nhắc việc] 1 nhiệm vụ quá hạn, 1 sắp đến hạn — Phòng Lãnh sự');
    expect(result.stdout).toContain(`Cc: ${TTR}, ${OFFICE}`);
    expect(result.stdout).toContain('Hạn xử lý: 19/11/2026 · quá hạn 1 ngày');
    expect(sink.received).toHaveLength(0);
    expect(ws.snapshot()).toBe(before);
    expect(fs.existsSync(ws.outbox)).toBe(false);
    // And the real run afterwards still sends: the dry run claimed nothing.
    expect((await runAsync(ws, ['remind'], { TASKS_SMTP_URL: sink.url })).code).toBe(0);
    expect(sink.received).toHaveLength(3);
  });
});
