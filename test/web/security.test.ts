/**
 * What the web page refuses, each with its status and the database left as it was: expired,
 * reused and forged links, forged cookies, missing or wrong CSRF tokens, an upload over 20 MB,
 * a body over the limit, link requests in bulk; and stored text with `<script>` or terminal
 * escapes shown as text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../helpers/cli.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { trackerWithUnits } from '../e2e/remind-setup.js';
import { Client, officeLink, startServer, waitFor, type Server } from './web-helper.js';

let ws: Workspace;
let sink: SmtpSink;
let server: Server;

function must(args: string[]): void {
  const r = ws.run(args);
  if (r.code !== 0) throw new Error(`tasks ${args.join(' ')}: ${r.stderr}`);
}

const sessions = () => Number(ws.sql<{ n: number }>('select count(*) as n from web_session')[0].n);

beforeAll(async () => {
  sink = await startSmtpSink();
  ws = trackerWithUnits();
  must(['user', 'add', 'Nguyễn Thị Lan', '--login', 'chuyenvien.vp', '--role', 'office']);
  must(['user', 'add', 'Trần Văn Bình', '--login', 'binh.ls', '--role', 'head', '--unit', 'LS', '--email', 'binh.ls@sngv.quanghoa.example.vn']);
  must(['add', 'Báo cáo <script>alert("x")</script> về \u001b[31mhộ chiếu\u001b[0m', '--unit', 'LS', '--due', '25/11/2026']);
  must(['add', 'Rà soát thủ tục', '--unit', 'LS', '--due', '30/11/2026']);
  server = await startServer(ws, { env: { TASKS_SMTP_URL: sink.url } });
});

afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

async function signedInHead(): Promise<Client> {
  const c = new Client(server.url);
  const r = await c.signInWith(officeLink(ws, 'binh.ls', server.url));
  expect(r.status).toBe(303);
  return c;
}

describe('sign-in links', () => {
  it('a used link is refused the second time, and opens no second session', async () => {
    const link = officeLink(ws, 'binh.ls', server.url);
    const first = new Client(server.url);
    const confirm = await first.get(link.replace(server.url, ''));
    const token = /name="t" value="([^"]+)"/.exec(confirm.text)![1];
    expect((await first.post('/dang-nhap/xac-nhan', { t: token })).status).toBe(303);
    const n = sessions();
    const again = new Client(server.url);
    expect((await again.get(link.replace(server.url, ''))).status).toBe(410);
    await again.get('/dang-nhap');
    const reused = await again.post('/dang-nhap/xac-nhan', { t: token });
    expect(reused.status).toBe(410);
    expect(reused.text).toContain('đã được dùng');
    expect(again.cookies.has('tasks_phien')).toBe(false);
    expect(sessions()).toBe(n);
  });

  it('an expired link is refused', async () => {
    const link = officeLink(ws, 'binh.ls', server.url);
    ws.sql("update login_token set expires_at = '2000-01-01T00:00:00.000Z' where used_at is null");
    const c = new Client(server.url);
    const page = await c.get(link.replace(server.url, ''));
    expect(page.status).toBe(410);
    expect(page.text).toContain('hết hạn');
    const n = sessions();
    await c.get('/dang-nhap');
    const token = decodeURIComponent(link.split('t=')[1]);
    expect((await c.post('/dang-nhap/xac-nhan', { t: token })).status).toBe(410);
    expect(sessions()).toBe(n);
  });

  it('a link with a forged signature is refused before the database is asked', async () => {
    const link = officeLink(ws, 'binh.ls', server.url);
    const token = decodeURIComponent(link.split('t=')[1]);
    const [value, sig] = token.split('.');
    const forged = `${value}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    const c = new Client(server.url);
    expect((await c.get(`/dang-nhap/xac-nhan?t=${encodeURIComponent(forged)}`)).status).toBe(400);
    await c.get('/dang-nhap');
    expect((await c.post('/dang-nhap/xac-nhan', { t: forged })).status).toBe(400);
    expect((await c.post('/dang-nhap/xac-nhan', { t: 'abc' })).status).toBe(400);
  });

  it('answers the same for a registered and an unknown address, and mails only the registered one', async () => {
    const known = new Client(server.url, { 'x-forwarded-for': '10.9.9.1' });
    await known.get('/dang-nhap');
    const a = await known.post('/dang-nhap', { email: 'binh.ls@sngv.quanghoa.example.vn' });
    const unknown = new Client(server.url);
    await unknown.get('/dang-nhap');
    const before = ws.snapshot();
    const b = await unknown.post('/dang-nhap', { email: 'ai.do@example.vn' });
    const strip = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '');
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(strip(b.text)).toBe(strip(a.text));
    await waitFor('the mail', () => sink.received.find((m) => m.rcpt.includes('binh.ls@sngv.quanghoa.example.vn')));
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.received.some((m) => m.rcpt.includes('ai.do@example.vn'))).toBe(false);
    expect(ws.snapshot()).toBe(before);
  });

  it('20 link requests in a minute from one address are rate-limited (429), with nothing stored or sent', async () => {
    const c = new Client(server.url);
    await c.get('/dang-nhap');
    const before = ws.snapshot();
    const sent = sink.received.length;
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await c.post('/dang-nhap', { email: `sai${i}@example.vn` })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(9);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(ws.snapshot()).toBe(before);
    expect(sink.received.length).toBe(sent);
  });
});

describe('sessions and forms', () => {
  it('a forged session cookie is not signed in: redirected on a page, 403 on a post', async () => {
    const c = new Client(server.url);
    c.cookies.set('tasks_phien', 'x'.repeat(43) + '.forged');
    const page = await c.get('/don-vi');
    expect(page.status).toBe(303);
    expect(page.location).toBe('/dang-nhap');
    // A real session's value with another signature is no better.
    const real = await signedInHead();
    const [value] = real.cookies.get('tasks_phien')!.split('.');
    const forged = new Client(server.url);
    forged.cookies.set('tasks_phien', `${value}.${'A'.repeat(43)}`);
    expect((await forged.get('/don-vi')).status).toBe(303);
    const before = ws.snapshot();
    await forged.get('/dang-nhap');
    expect((await forged.post('/nhiem-vu/2/tien-do', { note: 'giả' })).status).toBe(403);
    expect(ws.snapshot()).toBe(before);
  });

  it('a post without its CSRF token, or with a wrong one, is refused with 403 and changes nothing', async () => {
    const head = await signedInHead();
    const other = await signedInHead();
    await other.get('/nhiem-vu/2');
    await head.get('/nhiem-vu/2');
    const before = ws.snapshot();
    expect((await head.post('/nhiem-vu/2/tien-do', { _csrf: null, note: 'không có mã' })).status).toBe(403);
    expect((await head.post('/nhiem-vu/2/tien-do', { _csrf: 'sai-ma', note: 'mã sai' })).status).toBe(403);
    expect((await head.postMultipart('/nhiem-vu/2/hoan-thanh', { _csrf: null, on: '2026-11-20', evidence: '1/BC' })).status).toBe(403);
    // A token from another browser's page does not fit this browser's cookie.
    expect((await head.post('/nhiem-vu/2/tien-do', { _csrf: other.csrf, note: 'mã người khác' })).status).toBe(403);
    expect(ws.snapshot()).toBe(before);
    // And with its own token the same post goes through.
    expect((await head.post('/nhiem-vu/2/tien-do', { note: 'đúng mã' })).status).toBe(303);
  });

  it('an upload over 20 MB is refused with 413: the task stays open and no file is left', async () => {
    const head = await signedInHead();
    await head.get('/nhiem-vu/2');
    const before = ws.snapshot();
    const big = Buffer.alloc(21 * 1024 * 1024, 0x41);
    big.write('%PDF-1.4\n');
    const r = await head.postMultipart('/nhiem-vu/2/hoan-thanh', { on: '2026-11-20', evidence: '9/BC-LS' }, { name: 'lon.pdf', type: 'application/pdf', content: big });
    expect(r.status).toBe(413);
    expect(ws.snapshot()).toBe(before);
    expect(ws.json<{ completedOn: string | null }>(['show', '2']).completedOn).toBeNull();
    await new Promise((res) => setTimeout(res, 200));
    expect(fs.existsSync(path.join(ws.dir, 'tep')) ? fs.readdirSync(path.join(ws.dir, 'tep')) : []).toEqual([]);
  });

  it('a file that is neither PDF nor DOCX is refused', async () => {
    const head = await signedInHead();
    await head.get('/nhiem-vu/2');
    const before = ws.snapshot();
    const r = await head.postMultipart('/nhiem-vu/2/hoan-thanh', { on: '2026-11-20', evidence: '9/BC-LS' }, { name: 'x.pdf', type: 'application/pdf', content: Buffer.from('MZ not a pdf') });
    expect(r.status).toBe(400);
    expect(ws.snapshot()).toBe(before);
  });

  it('a form body over the limit is refused with 413', async () => {
    const head = await signedInHead();
    await head.get('/nhiem-vu/2');
    const before = ws.snapshot();
    expect((await head.post('/nhiem-vu/2/tien-do', { note: 'x'.repeat(100 * 1024) })).status).toBe(413);
    expect(ws.snapshot()).toBe(before);
  });
});

describe('pages', () => {
  it('show stored <script> and terminal escapes as text, with a CSP that forbids scripts and framing', async () => {
    const head = await signedInHead();
    await head.get('/nhiem-vu/1');
    expect((await head.post('/nhiem-vu/1/tien-do', { note: '<img src=x onerror=alert(1)> \u001b]0;tiêu đề\u0007' })).status).toBe(303);
    for (const pathname of ['/don-vi', '/nhiem-vu/1']) {
      const page = await head.get(pathname);
      expect(page.status).toBe(200);
      expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(page.text).not.toMatch(/<script|<img/i);
      expect(page.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      // Every form carries its CSRF token.
      const forms = page.text.match(/<form method="post"[^>]*>/g) ?? [];
      const tokens = page.text.match(/<form method="post"[^>]*><input type="hidden" name="_csrf"|<form method="post"[^>]*><h2>[^<]*<\/h2><input type="hidden" name="_csrf"/g) ?? [];
      expect(forms.length).toBeGreaterThan(0);
      expect(tokens.length).toBe(forms.length);
    }
  });
});

describe('behind a TLS proxy', () => {
  it('with --trust-proxy and X-Forwarded-Proto: https, the session cookie is Secure', async () => {
    const proxied = await startServer(ws, { args: ['--trust-proxy'] });
    try {
      const c = new Client(proxied.url, { 'x-forwarded-proto': 'https' });
      const r = await c.signInWith(officeLink(ws, 'binh.ls', proxied.url));
      expect(r.status).toBe(303);
      expect(r.headers.getSetCookie().find((x) => x.startsWith('tasks_phien='))).toMatch(/; Secure/);
      // Without the proxy's word, the same server over plain HTTP does not mark it Secure.
      const plain = new Client(proxied.url);
      const p = await plain.signInWith(officeLink(ws, 'binh.ls', proxied.url));
      expect(p.headers.getSetCookie().find((x) => x.startsWith('tasks_phien='))).not.toMatch(/Secure/);
    } finally {
      await proxied.stop();
    }
  });
});
