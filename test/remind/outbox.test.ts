import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { openOutbox } from '../../src/remind/outbox.js';
import type { OutgoingMail } from '../../src/remind/transport.js';

const NOW = new Date('2026-11-20T00:45:00.000Z');

const mail: OutgoingMail = {
  from: { name: 'Văn phòng Sở', address: 'nhacviec@so.example.vn' },
  replyTo: { name: 'Văn phòng Sở', address: 'vanphong@so.example.vn' },
  to: [{ name: 'Phòng Lãnh sự', address: 'lanhsu@so.example.vn' }],
  cc: [{ name: 'Thanh tra Sở\r\nBcc: x@evil.example', address: 'thanhtra@so.example.vn' }],
  subject: '[Nhắc việc] 1 nhiệm vụ quá hạn — Phòng Lãnh sự',
  text: 'Kính gửi: Trưởng phòng Lãnh sự\n',
  html: '<p>Kính gửi: Trưởng phòng Lãnh sự</p>\n',
  unitCode: 'LS',
};

describe('outbox transport', () => {
  it('never overwrites a file already there, and leaves no temporary file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-outbox-'));
    fs.writeFileSync(path.join(dir, '20261120T004500Z-001-LS.eml'), 'đã có');
    const outbox = openOutbox(dir, () => NOW);
    const outcome = await outbox.send(mail);
    outbox.close();
    expect(outcome).toEqual({ accepted: ['lanhsu@so.example.vn', 'thanhtra@so.example.vn'], failed: [], reference: '20261120T004500Z-002-LS.eml' });
    expect(fs.readFileSync(path.join(dir, '20261120T004500Z-001-LS.eml'), 'utf8')).toBe('đã có');
    expect(fs.readdirSync(dir).sort()).toEqual(['20261120T004500Z-001-LS.eml', '20261120T004500Z-002-LS.eml']);
  });

  it('writes 7-bit headers that decode back to the Vietnamese names, with no header added by a name', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-outbox-'));
    const outbox = openOutbox(dir, () => NOW);
    const { reference } = await outbox.send(mail);
    outbox.close();
    const raw = fs.readFileSync(path.join(dir, reference!));
    const headers = raw.toString('latin1').split('\r\n\r\n')[0];
    expect(headers).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    expect(headers).not.toMatch(/^Bcc:/im);
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(mail.subject);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([{ name: 'Phòng Lãnh sự', address: 'lanhsu@so.example.vn' }]);
    expect(parsed.replyTo?.value[0].address).toBe('vanphong@so.example.vn');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.text).toBe(mail.text);
  });

  it('a folder that cannot be made is refused before anything is sent', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-outbox-')), 'tệp');
    fs.writeFileSync(file, '');
    expect(() => openOutbox(path.join(file, 'outbox'), () => NOW)).toThrow(/không tạo được thư mục hộp thư đi/);
  });
});
