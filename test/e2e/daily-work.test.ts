/** The office's daily work (issue "The giao ban report and the daily work", items 9–16): the real CLI on a real database. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

const SAMPLE_UNITS = path.join(ROOT, 'data', 'units-sample.json');
const NOTICE = path.join(ROOT, 'test', 'fixtures', 'thong-bao-112.txt');

function must(ws: Workspace, args: string[], env?: Record<string, string>): string {
  const r = ws.run(args, { env });
  if (r.code !== 0) throw new Error(`tasks ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

function withUnits(today = '2026-05-10'): Workspace {
  const ws = workspace(today);
  must(ws, ['unit', 'import', SAMPLE_UNITS]);
  must(ws, ['config', 'set', 'office.email', 'vanphong@sngv.quanghoa.example.vn']);
  return ws;
}

describe('import --undo after reminders went out', () => {
  it('undoes the import, keeps what was sent in the audit trail and says so', () => {
    const ws = withUnits();
    must(ws, ['import', NOTICE, '--yes']);
    must(ws, ['remind', '--outbox', path.join(ws.dir, 'ob')]);
    const reminded = ws.sql<{ n: number }>('select count(*) as n from reminder')[0].n;
    expect(Number(reminded)).toBeGreaterThan(0);
    const r = ws.run(['import', '--undo', '112/TB-SNgV']);
    expect(r.stderr).not.toMatch(/FOREIGN KEY|lỗi nội bộ/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Đã hủy lần nhập văn bản 112\/TB-SNgV/);
    expect(r.stderr).toMatch(new RegExp(`nhắc việc đã gửi \\(${reminded}\\) vẫn còn trong nhật ký`));
    expect(ws.json(['list'])).toEqual([]);
    expect(Number(ws.sql<{ n: number }>('select count(*) as n from reminder')[0].n)).toBe(0);
    const log = ws.json<any[]>(['log']);
    expect(log.filter((e) => e.action === 'remind.task').length).toBeGreaterThan(0);
    expect(log.at(-1)).toMatchObject({ action: 'source.undo-import' });
    // The same conclusion can be imported again afterwards.
    expect(ws.json(['import', NOTICE, '--yes']).taskCount).toBeGreaterThan(0);
  });

  it('still refuses once a unit head asked for an extension', () => {
    const ws = withUnits();
    must(ws, ['import', NOTICE, '--yes']);
    must(ws, ['user', 'add', 'Chuyên viên', '--login', 'chuyenvien.vp', '--role', 'office']);
    must(ws, ['user', 'add', 'Trưởng phòng LS', '--login', 'tp.ls', '--role', 'head', '--unit', 'LS']);
    const ls = ws.json<any[]>(['list', '--unit', 'LS'])[0];
    must(ws, ['extend', String(ls.id), '--to', '30/06/2026', '--reason', 'Chờ ý kiến'], { TASKS_USER: 'tp.ls' });
    const before = ws.snapshot();
    const r = ws.run(['import', '--undo', '112/TB-SNgV']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/không hủy được/);
    expect(ws.snapshot()).toBe(before);
  });
});
