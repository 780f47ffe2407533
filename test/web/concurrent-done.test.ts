/**
 * Twenty unit heads' browsers marking twenty distinct tasks done at the same moment, with a PDF
 * each, while the CLI reads the same database: every completion is kept, each with its audit
 * entry, and the audit trail's chain still verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../helpers/cli.js';
import { trackerWithUnits } from '../e2e/remind-setup.js';
import { Client, officeLink, pdfBytes, startServer, type Server } from './web-helper.js';

let ws: Workspace;
let server: Server;
const N = 20;

beforeAll(async () => {
  ws = trackerWithUnits();
  const must = (args: string[]) => expect(ws.run(args).code).toBe(0);
  must(['user', 'add', 'Nguyễn Thị Lan', '--login', 'chuyenvien.vp', '--role', 'office']);
  must(['user', 'add', 'Trần Văn Bình', '--login', 'binh.ls', '--role', 'head', '--unit', 'LS']);
  const rows = Array.from({ length: N }, (_, i) => `Nhiệm vụ thứ ${i + 1},LS,${20 + (i % 10)}/11/2026`).join('\n');
  must(['import-sheet', ws.file('nhiem-vu.csv', `Nội dung,Đơn vị chủ trì,Hạn xử lý\n${rows}\n`)]);
  server = await startServer(ws);
});

afterAll(async () => {
  await server?.stop();
});

describe('tasks serve under concurrent completions', () => {
  it(`keeps all ${N} completions posted at once, with a complete audit trail`, async () => {
    const ids = ws.json<{ id: number }[]>(['list', '--unit', 'LS']).map((t) => t.id);
    expect(ids).toHaveLength(N);
    const clients = await Promise.all(
      ids.map(async () => {
        const c = new Client(server.url);
        expect((await c.signInWith(officeLink(ws, 'binh.ls', server.url))).status).toBe(303);
        return c;
      }),
    );
    await Promise.all(clients.map((c, i) => c.get(`/nhiem-vu/${ids[i]}`)));
    const reading = ws.run(['due']);
    const replies = await Promise.all(
      clients.map((c, i) => c.postMultipart(`/nhiem-vu/${ids[i]}/hoan-thanh`, { on: '2026-11-20', evidence: `${i + 1}/BC-LS` }, { name: `bc-${i}.pdf`, type: 'application/pdf', content: pdfBytes(`so ${i}`) })),
    );
    expect(reading.code).toBe(0);
    expect(replies.map((r) => r.status)).toEqual(ids.map(() => 303));
    const done = ws.json<{ id: number; completedOn: string | null; evidence: string | null }[]>(['list', '--unit', 'LS']);
    expect(done.every((t) => t.completedOn === '2026-11-20')).toBe(true);
    expect(new Set(done.map((t) => t.evidence)).size).toBe(N);
    const audit = ws.sql<{ task_id: number; actor: string; detail: string }>("select task_id, actor, detail from audit_event where action = 'task.done' order by task_id");
    expect(audit.map((a) => Number(a.task_id))).toEqual([...ids].sort((a, b) => a - b));
    expect(audit.every((a) => a.actor === 'binh.ls' && JSON.parse(a.detail).channel === 'web' && /^[0-9a-f]{64}$/.test(JSON.parse(a.detail).attachment.sha256))).toBe(true);
    const verify = ws.run(['audit', 'verify']);
    expect(verify.code, verify.stderr).toBe(0);
  });
});
