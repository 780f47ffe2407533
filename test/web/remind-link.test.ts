/**
 * Reminders and the web page: with web.url set, a reminder that goes to the unit's registered
 * head alone carries a personal sign-in link that opens the page; one that others also read
 * (Cc to a coordinating unit) carries the page's address only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../helpers/cli.js';
import { runAsync } from '../helpers/spawn-cli.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { HTQT, LS, trackerWithUnits } from '../e2e/remind-setup.js';
import { Client, startServer, type Server } from './web-helper.js';

let ws: Workspace;
let sink: SmtpSink;
let server: Server;

beforeAll(async () => {
  sink = await startSmtpSink();
  ws = trackerWithUnits();
  const must = (args: string[]) => {
    const r = ws.run(args);
    if (r.code !== 0) throw new Error(`tasks ${args.join(' ')}: ${r.stderr}`);
  };
  // No Cc to the office, so a message can go to the head alone.
  must(['config', 'unset', 'office.email']);
  must(['user', 'add', 'Nguyễn Thị Lan', '--login', 'chuyenvien.vp', '--role', 'office']);
  must(['user', 'add', 'Trần Văn Bình', '--login', 'binh.ls', '--role', 'head', '--unit', 'LS', '--email', LS]);
  must(['user', 'add', 'Lê An', '--login', 'an.htqt', '--role', 'head', '--unit', 'HTQT', '--email', HTQT]);
  must(['add', 'Rà soát thủ tục hành chính lĩnh vực lãnh sự', '--unit', 'LS', '--due', '23/11/2026']);
  must(['add', 'Xây dựng kế hoạch đón đoàn vào', '--unit', 'HTQT', '--coord', 'LS', '--due', '20/11/2026']);
  server = await startServer(ws);
  must(['config', 'set', 'web.url', server.url]);
});

afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

describe('reminders with web.url', () => {
  it('carry a personal link to a head reading alone, and only the address when others read too', async () => {
    const result = await runAsync(ws, ['remind'], { TASKS_SMTP_URL: sink.url });
    expect(result.code, result.stderr).toBe(0);
    const toLs = sink.received.find((m) => m.rcpt.length === 1 && m.rcpt[0] === LS)!;
    const toHtqt = sink.received.find((m) => m.rcpt.includes(HTQT))!;
    const link = /đường dẫn đăng nhập riêng của Trần Văn Bình[^:]*: (\S+)/.exec(toLs.mail.text ?? '')![1];
    expect(link.startsWith(`${server.url}/dang-nhap/xac-nhan?t=`)).toBe(true);
    expect(toLs.mail.html).toContain('đăng nhập</a>');
    expect(toHtqt.rcpt).toContain(LS);
    expect(toHtqt.mail.text).not.toContain('xac-nhan');
    expect(toHtqt.mail.text).toContain(`trên trang web: ${server.url}`);
    const head = new Client(server.url);
    expect((await head.signInWith(link)).location).toBe('/don-vi');
    expect((await head.get('/don-vi')).text).toContain('Rà soát thủ tục hành chính lĩnh vực lãnh sự');
  });

  it('a dry run makes no link', async () => {
    const tokens = ws.sql('select id from login_token').length;
    const result = await runAsync(ws, ['remind', '--dry-run'], { TASKS_SMTP_URL: sink.url });
    expect(result.code, result.stderr).toBe(0);
    expect(ws.sql('select id from login_token').length).toBe(tokens);
  });
});
