/**
 * `tasks remind` writing .eml files: parsed back with mailparser; the schedule followed day by
 * day and across missed runs; --unit, --before-meeting; two runs at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../helpers/cli.js';
import { runAsync } from '../helpers/spawn-cli.js';
import { addressesOf, closedPort } from '../helpers/smtp-sink.js';
import { LS, OFFICE, TTR, reminderLog, sampleTracker, trackerWithUnits } from './remind-setup.js';

function emlFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).sort() : [];
}

/** Runs remind as of `day` and returns the names of the files it added. */
async function remindOn(ws: Workspace, day: string, args: string[] = []): Promise<string[]> {
  const outbox = ws.outbox;
  const before = new Set(emlFiles(outbox));
  const result = await runAsync(ws, ['remind', ...args], { TASKS_TODAY: day });
  if (result.code !== 0) throw new Error(`remind on ${day} exited ${result.code}: ${result.stderr}`);
  return emlFiles(outbox).filter((f) => !before.has(f));
}

describe('tasks remind to the outbox', () => {
  it('writes one RFC 5322 file per unit beside the database, readable by a mail parser, names in order', async () => {
    const ws = sampleTracker();
    const result = await runAsync(ws, ['remind', '--json']);
    expect(result.code).toBe(0);
    const outbox = ws.outbox;
    const files = emlFiles(outbox);
    expect(files).toHaveLength(3);
    expect(files.map((f) => f.replace(/^\d{8}T\d{6}Z-/, ''))).toEqual(['001-LS.eml', '002-HTQT.eml', '003-TTDN.eml']);
    expect(JSON.parse(result.stdout).units.map((u: { messages: { reference: string }[] }) => u.messages[0].reference)).toEqual(files);

    const raw = fs.readFileSync(path.join(outbox, files[0]));
    expect(raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?Q\?/m);
    expect(raw.toString('latin1')).toContain('\r\n');
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('[Nhắc việc] 1 nhiệm vụ quá hạn, 1 sắp đến hạn — Phòng Lãnh sự');
    expect(addressesOf(mail.to)).toEqual([LS]);
    expect(addressesOf(mail.cc)).toEqual([OFFICE, TTR].sort());
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0].name : '').toBe('Phòng Lãnh sự');
    expect(mail.messageId).toMatch(/@sngv\.quanghoa\.example\.vn>$/);
    expect(mail.text).toContain('Văn bản: 84/TB-SNgV ngày 01/10/2026 · Hạn xử lý: 19/11/2026 · quá hạn 1 ngày');
    expect(mail.html).toContain('Báo cáo kết quả rà soát hộ chiếu công vụ');

    expect(await remindOn(ws, '2026-11-20')).toEqual([]);
    expect(fs.readdirSync(outbox).filter((f) => !f.endsWith('.eml'))).toEqual([]);
  });

  it('--outbox DIR wins over a configured mail server', async () => {
    const ws = sampleTracker();
    const dir = path.join(ws.dir, 'thu-di');
    const result = await runAsync(ws, ['remind', '--outbox', dir], { TASKS_SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` });
    expect(result.code).toBe(0);
    expect(emlFiles(dir)).toHaveLength(3);
    expect(result.stdout).toContain(`hộp thư đi: ${dir}`);
  });

  it('follows the schedule day by day: 7 and 3 days before, the due date, then day 1, 8, 15 after', async () => {
    const ws = trackerWithUnits('2026-11-20');
    expect(ws.run(['add', 'Tổng hợp báo cáo quý', '--unit', 'LS', '--due', '30/11/2026']).code).toBe(0);
    const sent: Record<string, number> = {};
    for (const day of ['2026-11-22', '2026-11-23', '2026-11-26', '2026-11-27', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-07', '2026-12-08', '2026-12-14', '2026-12-15', '2026-12-15']) {
      sent[day] = (sent[day] ?? 0) + (await remindOn(ws, day)).length;
    }
    expect(sent).toEqual({
      '2026-11-22': 0,
      '2026-11-23': 1,
      '2026-11-26': 0,
      '2026-11-27': 1,
      '2026-11-29': 0,
      '2026-11-30': 1,
      '2026-12-01': 1,
      '2026-12-07': 0,
      '2026-12-08': 1,
      '2026-12-14': 0,
      '2026-12-15': 1,
    });
    const kinds = [...new Set(reminderLog(ws).map((r) => r.kind))];
    expect(kinds.sort()).toEqual(['after-1', 'after-15', 'after-8', 'before-3', 'before-7', 'due'].sort());
  });

  it('a missed run (a weekend, a holiday) catches up with one message, without duplicates', async () => {
    const ws = trackerWithUnits('2026-11-20');
    expect(ws.run(['add', 'Tổng hợp báo cáo quý', '--unit', 'LS', '--due', '30/11/2026']).code).toBe(0);
    const runs: [string, number][] = [];
    for (const day of ['2026-11-20', '2026-11-25', '2026-11-25', '2026-11-28', '2026-12-03', '2026-12-03', '2026-12-12', '2026-12-13']) {
      runs.push([day, (await remindOn(ws, day)).length]);
    }
    expect(runs).toEqual([
      ['2026-11-20', 0],
      ['2026-11-25', 1],
      ['2026-11-25', 0],
      ['2026-11-28', 1],
      ['2026-12-03', 1],
      ['2026-12-03', 0],
      ['2026-12-12', 1],
      ['2026-12-13', 0],
    ]);
    expect(reminderLog(ws).filter((r) => r.recipient === LS).map((r) => r.kind)).toEqual(['before-7', 'before-3', 'after-1', 'after-8']);
  });

  it('an extension starts the schedule again from the new due date', async () => {
    const ws = trackerWithUnits('2026-11-20');
    expect(ws.run(['add', 'Tổng hợp báo cáo quý', '--unit', 'LS', '--due', '22/11/2026']).code).toBe(0);
    expect(await remindOn(ws, '2026-11-20')).toHaveLength(1);
    expect(ws.run(['extend', '1', '--to', '15/12/2026', '--reason', 'chờ số liệu của Bộ'], { env: { TASKS_TODAY: '2026-11-21' } }).code).toBe(0);
    expect(await remindOn(ws, '2026-11-23')).toHaveLength(0);
    expect(await remindOn(ws, '2026-12-08')).toHaveLength(1);
    expect(reminderLog(ws).filter((r) => r.recipient === LS).map((r) => `${r.kind}:${r.period}`)).toEqual(['before-3:2026-11-22', 'before-7:2026-12-15']);
  });

  it('a unit without an e-mail is listed and sent nothing; it is reminded once it has one', async () => {
    const ws = trackerWithUnits('2026-11-20');
    expect(ws.run(['unit', 'add', 'KT', 'Phòng Kế hoạch - Tài chính']).code).toBe(0);
    expect(ws.run(['add', 'Quyết toán kinh phí đoàn ra', '--unit', 'KT', '--due', '20/11/2026']).code).toBe(0);
    const result = await runAsync(ws, ['remind']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Phòng Kế hoạch - Tài chính (KT): bỏ qua 1 — chưa có thư điện tử');
    const json = JSON.parse((await runAsync(ws, ['remind', '--json'])).stdout);
    expect(json.noEmail).toEqual(['KT']);
    expect(emlFiles(ws.outbox)).toEqual([]);
    expect(ws.run(['unit', 'edit', 'KT', '--email', 'khtc@sngv.quanghoa.example.vn']).code).toBe(0);
    expect(await remindOn(ws, '2026-11-20')).toHaveLength(1);
  });

  it('--unit reminds only that unit; the others are reminded on the next full run', async () => {
    const ws = sampleTracker();
    expect((await remindOn(ws, '2026-11-20', ['--unit', 'Phòng Lãnh sự'])).map((f) => f.slice(-6))).toEqual(['LS.eml']);
    expect((await remindOn(ws, '2026-11-20')).map((f) => f.replace(/^.*-/, ''))).toEqual(['HTQT.eml', 'TTDN.eml']);
    const unknown = await runAsync(ws, ['remind', '--unit', 'Phong Khong Co']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^lỗi: không có đơn vị "Phong Khong Co"/);
  });

  it('--before-meeting sends every unit its overdue and soon-due list once, whatever the schedule says', async () => {
    const ws = sampleTracker();
    expect(await remindOn(ws, '2026-11-20')).toHaveLength(3);
    const files = await remindOn(ws, '2026-11-20', ['--before-meeting', '30/11/2026']);
    expect(files.map((f) => f.replace(/^.*-/, ''))).toEqual(['VP.eml', 'LS.eml', 'HTQT.eml', 'TTDN.eml']);
    const vp = await simpleParser(fs.readFileSync(path.join(ws.outbox, files[0])));
    expect(vp.subject).toBe('[Nhắc việc] Giao ban 30/11/2026: 1 nhiệm vụ sắp đến hạn — Văn phòng Sở');
    expect(vp.text).toContain('Chuẩn bị họp giao ban ngày 30/11/2026');
    expect(await remindOn(ws, '2026-11-21', ['--before-meeting', '2026-11-30'])).toEqual([]);
    const past = await runAsync(ws, ['remind', '--before-meeting', '2026-11-19']);
    expect(past.code).toBe(1);
    expect(past.stderr).toMatch(/^lỗi: ngày họp giao ban 2026-11-19 đã qua/);
  });

  it('two runs at the same moment write each message once', async () => {
    const ws = sampleTracker();
    const [a, b] = await Promise.all([runAsync(ws, ['remind', '--json']), runAsync(ws, ['remind', '--json'])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(emlFiles(ws.outbox)).toHaveLength(3);
    // Each message is claimed just before it is written, so the two runs may share the work; none is written twice.
    const sentBy = [JSON.parse(a.stdout).totals.messages, JSON.parse(b.stdout).totals.messages];
    expect(sentBy[0] + sentBy[1]).toBe(3);
    expect(reminderLog(ws)).toHaveLength(9);
  });

  it('refuses to run without a sender address, and writes nothing', async () => {
    const ws = sampleTracker();
    ws.run(['config', 'unset', 'office.email']);
    ws.run(['config', 'unset', 'mail.from']);
    const before = ws.snapshot();
    const result = await runAsync(ws, ['remind']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('lỗi: chưa có địa chỉ gửi thư nhắc việc (đặt bằng "tasks config set office.email vanphong@…" hoặc "tasks config set mail.from …")\n');
    expect(ws.snapshot()).toBe(before);
    expect(emlFiles(ws.outbox)).toEqual([]);
  });
});
