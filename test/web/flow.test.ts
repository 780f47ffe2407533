/**
 * A unit head's morning on the web page, through real HTTP on loopback, a real SQLite file (or
 * PostgreSQL database) and the real SMTP server of the reminder tests: ask for a link, read it
 * in the mail, sign in, see the unit's tasks, mark one done with a PDF, ask for more time on
 * another; the office approves; `tasks due` on the terminal shows it. A second head can neither
 * see nor change the first unit's tasks.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../helpers/cli.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { trackerWithUnits } from '../e2e/remind-setup.js';
import { Client, officeLink, pdfBytes, startServer, waitFor, type Server } from './web-helper.js';

const BINH = 'binh.ls@sngv.quanghoa.example.vn';
const AN = 'an.htqt@sngv.quanghoa.example.vn';
let ws: Workspace;
let sink: SmtpSink;
let server: Server;

function must(args: string[]): string {
  const r = ws.run(args);
  if (r.code !== 0) throw new Error(`tasks ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  sink = await startSmtpSink();
  ws = trackerWithUnits();
  must(['config', 'set', 'org.parent', 'UBND TỈNH QUẢNG HÒA']);
  must(['user', 'add', 'Nguyễn Thị Lan', '--login', 'chuyenvien.vp', '--role', 'office', '--email', 'lan.vp@sngv.quanghoa.example.vn']);
  must(['user', 'add', 'Trần Văn Bình', '--login', 'binh.ls', '--role', 'head', '--unit', 'LS', '--email', BINH]);
  must(['user', 'add', 'Lê An', '--login', 'an.htqt', '--role', 'head', '--unit', 'HTQT']);
  must(['user', 'edit', 'an.htqt', '--email', AN.toUpperCase()]);
  must(['add', 'Báo cáo kết quả rà soát hộ chiếu công vụ', '--unit', 'LS', '--due', '25/11/2026', '--source', '84/TB-SNgV', '--issued', '2026-10-01']);
  must(['add', 'Rà soát thủ tục hành chính lĩnh vực lãnh sự', '--unit', 'LS', '--due', '30/11/2026']);
  must(['add', 'Xây dựng kế hoạch đón đoàn vào', '--unit', 'HTQT', '--due', '27/11/2026']);
  must(['add', 'Tổng kết công tác lãnh sự năm', '--unit', 'LS', '--due', '10/11/2026', '--today', '2026-11-01']);
  server = await startServer(ws, { env: { TASKS_SMTP_URL: sink.url } });
});

afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

describe('tasks serve: a unit head from the mail to done', () => {
  const binh = () => new Client(server.url);
  let head: Client;

  it('stores the address in one spelling and lists it', () => {
    const people = ws.json<{ login: string; email?: string }[]>(['user', 'list']);
    expect(people.find((p) => p.login === 'an.htqt')?.email).toBe(AN);
    expect(ws.run(['user', 'add', 'Người khác', '--login', 'khac', '--role', 'viewer', '--email', BINH]).code).toBe(1);
  });

  it('sends a single-use link to the registered address and signs in with it', async () => {
    head = binh();
    expect((await head.get('/dang-nhap')).status).toBe(200);
    const asked = await head.post('/dang-nhap', { email: BINH.toUpperCase() });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('Nếu địa chỉ này đã được văn phòng đăng ký');
    const mail = await waitFor('the sign-in mail', () => sink.received.find((m) => m.rcpt.includes(BINH)));
    const link = /(http:\/\/127\.0\.0\.1:\d+\/dang-nhap\/xac-nhan\?t=\S+)/.exec(mail.mail.text ?? '')![1];
    expect(link.startsWith(server.url)).toBe(true);
    // Only a hash of the link is stored.
    const token = decodeURIComponent(link.split('t=')[1]).split('.')[0];
    expect(JSON.stringify(ws.sql('select * from login_token'))).not.toContain(token);
    const signedIn = await head.signInWith(link);
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/don-vi');
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith('tasks_phien='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it("shows the unit's tasks in the four buckets, with the figures of tasks list --unit", async () => {
    const page = await head.get('/don-vi');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Báo cáo kết quả rà soát hộ chiếu công vụ');
    expect(page.text).toContain('84/TB-SNgV');
    expect(page.text).toContain('Quá hạn 10 ngày');
    expect(page.text).toContain('Còn 5 ngày');
    expect(page.text).not.toContain('Xây dựng kế hoạch đón đoàn vào');
    const listed = ws.json<{ bucket: string }[]>(['list', '--unit', 'LS']);
    for (const [bucket, label] of [
      ['open_in_term', 'Đang thực hiện trong hạn'],
      ['open_overdue', 'Quá hạn (chưa hoàn thành)'],
      ['done_on_time', 'Hoàn thành đúng hạn'],
    ]) {
      const n = listed.filter((v) => v.bucket === bucket).length;
      expect(page.text).toContain(`<span class="n">${n}</span>${label}`);
    }
  });

  it('marks a task done with its evidence and a PDF kept beside the database, audited as the person on the web', async () => {
    const pdf = pdfBytes();
    await head.get('/nhiem-vu/1');
    const done = await head.postMultipart('/nhiem-vu/1/hoan-thanh', { on: '2026-11-19', evidence: '45/BC-LS', note: 'Đã gửi Giám đốc' }, { name: 'bao-cao.pdf', type: 'application/pdf', content: pdf });
    expect(done.status, done.text).toBe(303);
    const shown = ws.json<{ completedOn: string; evidence: string; bucket: string }>(['show', '1']);
    expect(shown).toMatchObject({ completedOn: '2026-11-19', evidence: '45/BC-LS', bucket: 'done_on_time' });
    const sha = createHash('sha256').update(pdf).digest('hex');
    const kept = fs.readdirSync(path.join(ws.dir, 'tep')).filter((f) => !f.startsWith('.'));
    expect(kept).toEqual([`1-${sha.slice(0, 16)}.pdf`]);
    expect(fs.readFileSync(path.join(ws.dir, 'tep', kept[0]))).toEqual(pdf);
    const entry = ws.sql<{ actor: string; detail: string }>("select actor, detail from audit_event where action = 'task.done'")[0];
    expect(entry.actor).toBe('binh.ls');
    expect(JSON.parse(entry.detail)).toMatchObject({ channel: 'web', evidence: '45/BC-LS', attachment: { sha256: sha, bytes: pdf.length } });
    expect(ws.run(['history', '1']).stdout).toContain(`văn bản báo cáo 45/BC-LS; ghi chú: Đã gửi Giám đốc, tệp ${kept[0]} (sha256 ${sha}) (trên trang web)`);
  });

  it('refuses a completion date after today, and changes nothing', async () => {
    await head.get('/nhiem-vu/2');
    const before = ws.snapshot();
    const late = await head.postMultipart('/nhiem-vu/2/hoan-thanh', { on: '2026-11-21', evidence: '46/BC-LS' });
    expect(late.status).toBe(400);
    expect(late.text).toContain('class="error"');
    expect(ws.snapshot()).toBe(before);
  });

  it('adds a progress note and asks for an extension, which waits for the office', async () => {
    await head.get('/nhiem-vu/2');
    expect((await head.post('/nhiem-vu/2/tien-do', { note: 'Đang lấy ý kiến các phòng' })).status).toBe(303);
    await head.get('/nhiem-vu/2');
    const asked = await head.post('/nhiem-vu/2/gia-han', { to: '2026-12-15', reason: 'Chờ ý kiến của Bộ' });
    expect(asked.status).toBe(303);
    const shown = ws.json<{ due: string; pendingExtension: { to: string } | null; progress: { note: string }[] }>(['show', '2']);
    expect(shown.due).toBe('2026-11-30');
    expect(shown.pendingExtension?.to).toBe('2026-12-15');
    expect(shown.progress.map((p) => p.note)).toEqual(['Đang lấy ý kiến các phòng']);
    const page = await head.get('/nhiem-vu/2');
    expect(page.text).toContain('Đang chờ văn phòng duyệt');
  });

  it("the office approves on its page, and tasks due on the terminal shows the new deadline", async () => {
    const office = new Client(server.url);
    expect((await office.signInWith(officeLink(ws, 'chuyenvien.vp', server.url))).location).toBe('/van-phong');
    const page = await office.get('/van-phong');
    expect(page.text).toContain('Đề nghị gia hạn chờ duyệt (1)');
    expect(page.text).toContain('Chờ ý kiến của Bộ');
    expect((await office.post('/nhiem-vu/2/duyet', { quyet_dinh: 'dong-y', ve: '/van-phong' })).location).toBe('/van-phong?ok=dong-y');
    const due = ws.json<{ id: number; due: string }[]>(['due', '--within', '30']);
    expect(due.find((d) => d.id === 2)?.due).toBe('2026-12-15');
    expect(ws.run(['due', '--within', '30']).stdout).toContain('15/12/2026');
    const approved = ws.sql<{ actor: string; detail: string }>("select actor, detail from audit_event where action = 'task.extend-approve'")[0];
    expect(approved.actor).toBe('chuyenvien.vp');
    expect(JSON.parse(approved.detail).channel).toBe('web');
  });

  it('the office downloads the digest and the overdue list the CLI writes', async () => {
    const office = new Client(server.url);
    await office.signInWith(officeLink(ws, 'chuyenvien.vp', server.url));
    const docx = await office.getBytes('/tai-ve?thang=2026-11&loai=giao-ban.docx');
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toContain('bao-cao-giao-ban-2026-11.docx');
    const xml = await (await JSZip.loadAsync(docx.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain('UBND TỈNH QUẢNG HÒA');
    const cli = path.join(ws.dir, 'cli.docx');
    must(['digest', '--month', '2026-11', '--out', cli]);
    const cliXml = await (await JSZip.loadAsync(fs.readFileSync(cli))).file('word/document.xml')!.async('string');
    expect(xml).toBe(cliXml);
    const xlsx = await office.getBytes('/tai-ve?loai=qua-han.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
  });

  it("a second unit head sees none of the first unit's tasks and cannot change them", async () => {
    const other = new Client(server.url);
    expect((await other.signInWith(officeLink(ws, 'an.htqt', server.url))).location).toBe('/don-vi');
    const own = await other.get('/don-vi');
    expect(own.text).toContain('Xây dựng kế hoạch đón đoàn vào');
    expect(own.text).not.toContain('lãnh sự');
    const before = ws.snapshot();
    expect((await other.get('/nhiem-vu/2')).status).toBe(404);
    expect((await other.get('/nhiem-vu/4')).status).toBe(404);
    expect((await other.get('/van-phong')).location).toBe('/don-vi');
    expect((await other.getBytes('/tai-ve?loai=qua-han.xlsx')).status).toBe(404);
    await other.get('/don-vi');
    expect((await other.post('/nhiem-vu/2/tien-do', { note: 'Giả mạo' })).status).toBe(403);
    expect((await other.post('/nhiem-vu/4/gia-han', { to: '2026-12-30', reason: 'Giả mạo' })).status).toBe(403);
    expect((await other.postMultipart('/nhiem-vu/4/hoan-thanh', { on: '2026-11-20', evidence: '1/BC-HTQT' })).status).toBe(403);
    expect((await other.post('/nhiem-vu/3/duyet', { quyet_dinh: 'dong-y' })).status).toBe(403);
    expect(ws.snapshot()).toBe(before);
  });
});
