/**
 * The overdue list as the meeting needs it: coordinating units, the first and the extended due
 * date, reminders sent, the latest note; "đề nghị đưa vào giao ban" past the configured limits,
 * in a section of its own; open tasks nobody reported on for report.quietDays days.
 */
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

let ws: Workspace;
const at = (day: string, args: string[]) => {
  const r = ws.run(args, { env: { TASKS_TODAY: day } });
  if (r.code !== 0) throw new Error(`tasks ${args.join(' ')}: ${r.stderr}`);
  return r;
};

beforeAll(() => {
  ws = workspace('2026-12-03');
  at('2026-09-01', ['unit', 'import', path.join(ROOT, 'data/units-sample.json')]);
  at('2026-09-01', ['config', 'set', 'office.email', 'vanphong@example.vn']);
  // 1: extended, reminded often, a note six weeks ago. 2: late 10 days, never reminded, a fresh note.
  at('2026-09-01', ['add', 'Rà soát kế hoạch cải cách', '--unit', 'VP', '--coord', 'TTR', '--due', '2026-10-15', '--source', '84/TB-SNgV']);
  at('2026-09-01', ['add', 'Tổng hợp đoàn ra', '--unit', 'LS', '--due', '2026-11-23']);
  at('2026-10-10', ['extend', '1', '--to', '2026-11-20', '--reason', 'chờ số liệu']);
  at('2026-10-12', ['progress', '1', 'Đang tổng hợp số liệu']);
  at('2026-11-28', ['progress', '2', 'Đã dự thảo']);
  for (const day of ['2026-11-21', '2026-11-23', '2026-11-25', '2026-11-27', '2026-11-30']) at(day, ['remind', '--outbox', path.join(ws.dir, 'ob')]);
});

describe('the overdue list for the giao ban', () => {
  test('JSON adds the reminders sent, the mark and the quiet list; nothing renamed', () => {
    const d = ws.json(['digest', '--month', '2026-11']);
    const byId = Object.fromEntries(d.overdue.map((t: any) => [t.id, t]));
    expect(byId[1]).toMatchObject({ id: 1, lead: 'VP', coordinating: ['TTR'], originalDue: '2026-10-15', due: '2026-11-20', daysLate: 10, escalate: false });
    expect(byId[1].remindersSent).toBeGreaterThan(0);
    expect(byId[2].remindersSent).toBeGreaterThan(0);
    expect(byId[1].latestNote).toMatchObject({ on: '2026-10-12', note: 'Đang tổng hợp số liệu' });
    expect(byId[2]).toMatchObject({ daysLate: 7, escalate: false });
    expect(d.escalation).toEqual({ reminders: 3, daysLate: 30 });
    // As of 30/11: task 1's note is 49 days old, task 2's two days.
    expect(d.quiet.map((t: any) => [t.id, t.quietDays])).toEqual([[1, 49]]);
    // tasks overdue --json keeps the daily view's shape and adds the same three fields.
    const list = ws.json(['overdue', '--json']);
    expect(list.map((t: any) => t.section)).toEqual(['overdue', 'overdue']);
    const one = list.find((t: any) => t.id === 1);
    expect(one).toMatchObject({ remindersSent: byId[1].remindersSent, escalate: false, latestNote: { on: '2026-10-12' } });
  });

  test('the document lists show every column, the mark past the limit, and the two sections', () => {
    const sent = Object.fromEntries(ws.json(['digest', '--month', '2026-11']).overdue.map((t: any) => [t.id, t.remindersSent]));
    at('2026-12-03', ['config', 'set', 'report.escalateReminders', String(sent[1] - 1)]);
    const md = ws.run(['overdue', '--format', 'md']).stdout;
    expect(md).toContain('| Đơn vị phối hợp |');
    expect(md).toContain(`| 1 | \\#1. Rà soát kế hoạch cải cách (đề nghị đưa vào giao ban) | Văn phòng Sở | 84/TB-SNgV | 20/11/2026 | 13 | 15/10/2026 | TTR | ${sent[1]} | 12/10/2026: Đang tổng hợp số liệu |`);
    expect(md).toContain('## NHIỆM VỤ ĐỀ NGHỊ LÃNH ĐẠO CHỈ ĐẠO');
    expect(md).toContain(`| 1 | \\#1. Rà soát kế hoạch cải cách | Văn phòng Sở | TTR | 20/11/2026 | đã nhắc ${sent[1]} lần |`);
    expect(md).toContain('## NHIỆM VỤ KHÔNG CẬP NHẬT TIẾN ĐỘ QUÁ 14 NGÀY');
    const digest = ws.run(['digest', '--month', '2026-11']).stdout;
    expect(digest).toContain('VII. NHIỆM VỤ ĐỀ NGHỊ LÃNH ĐẠO CHỈ ĐẠO');
    expect(digest).toContain('VIII. NHIỆM VỤ KHÔNG CẬP NHẬT TIẾN ĐỘ QUÁ 14 NGÀY');
    at('2026-12-03', ['config', 'unset', 'report.escalateReminders']);
  });

  test('the limits are config keys: raised, nothing is proposed; a shorter quiet window lists more', () => {
    const other = workspace('2026-12-03');
    const run = (day: string, args: string[]) => expect(other.run(args, { env: { TASKS_TODAY: day } }).code).toBe(0);
    run('2026-09-01', ['unit', 'import', path.join(ROOT, 'data/units-sample.json')]);
    run('2026-09-01', ['add', 'Việc quá hạn lâu', '--unit', 'VP', '--due', '2026-10-01']);
    run('2026-11-25', ['progress', '1', 'Đang làm']);
    expect(other.json(['digest', '--month', '2026-11']).overdue[0].escalate).toBe(true);
    run('2026-12-03', ['config', 'set', 'report.escalateDays', '90']);
    run('2026-12-03', ['config', 'set', 'report.quietDays', '3']);
    const d = other.json(['digest', '--month', '2026-11']);
    expect(d.overdue[0].escalate).toBe(false);
    expect(d.quiet.map((t: any) => t.id)).toEqual([1]);
    expect(other.run(['config', 'set', 'report.quietDays', 'mười']).code).toBe(1);
  });
});
