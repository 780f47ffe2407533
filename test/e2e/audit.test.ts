/**
 * The audit trail end to end: every command that writes leaves at least one entry saying who did
 * what and when; `tasks history ID` and `tasks log [--since D] [--unit U]` read it back.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';
import { count } from '../helpers/kill.js';
import type { AuditEntry } from '../../src/domain/audit.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const SAMPLE = path.join(ROOT, 'data', 'ket-luan-mau.txt');

/** An entry as `tasks log --json` prints it: the trail's entry with its id. */
type Entry = AuditEntry & { id: number };

/** Today on the real clock, in Vietnam: audit timestamps never follow --today. */
function realToday(offsetDays = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('every write path records who did what', () => {
  let ws: Workspace;
  const written: [string, string[], string][] = [
    ['unit import', ['unit', 'import', UNITS], 'unit.add'],
    ['unit add', ['unit', 'add', 'KHTC', 'Phòng Kế hoạch - Tài chính'], 'unit.add'],
    ['unit edit', ['unit', 'edit', 'KHTC', '--head', 'Trưởng phòng Kế hoạch - Tài chính'], 'unit.edit'],
    ['unit deactivate', ['unit', 'deactivate', 'KHTC'], 'unit.deactivate'],
    ['add with a new source', ['add', 'Rà soát quy chế làm việc', '--unit', 'VP', '--due', '2026-12-15', '--source', '84/TB-SNgV', '--issued', '2026-11-02'], 'source.add'],
    ['add', ['add', 'Báo cáo công tác lãnh sự', '--unit', 'LS', '--due', '2026-12-20'], 'task.add'],
    ['add a recurring task', ['add', 'Báo cáo công tác cải cách hành chính tháng', '--unit', 'VP', '--every', 'month', '--day', '15'], 'series.add'],
    // Occurrences are stored by commands that write, up to the real day (a reader only shows them).
    ['a writing command on a later day creates its period', ['progress', '2', 'Đã tổng hợp số liệu', '--today', '2026-12-02'], 'task.occurrence'],
    ['progress', ['progress', '1', 'Đã gửi dự thảo lấy ý kiến các phòng'], 'task.progress'],
    ['extend', ['extend', '1', '--to', '2026-12-31', '--reason', 'Chờ ý kiến của Bộ Ngoại giao'], 'task.extend'],
    ['edit', ['edit', '2', '--coord', 'TTR'], 'task.edit'],
    ['done', ['done', '1', '--evidence', '215/BC-VP'], 'task.done'],
    ['reopen', ['reopen', '1'], 'task.reopen'],
    ['cancel', ['cancel', '2', '--reason', 'Đã lồng ghép vào Kế hoạch 28/KH-SNgV'], 'task.cancel'],
    ['import', ['import', SAMPLE, '--yes'], 'source.import'],
    ['import --undo', ['import', '--undo', '#2'], 'source.undo-import'],
    ['config set', ['config', 'set', 'org.place', 'Bình Định'], 'config.set'],
    ['config unset', ['config', 'unset', 'org.place'], 'config.unset'],
    ['config set the sender', ['config', 'set', 'mail.from', 'nhacviec@sngv.quanghoa.example.vn'], 'config.set'],
    ['calendar off', ['calendar', 'off', '2026-12-31', '--name', 'Nghỉ bù'], 'calendar.off'],
    ['calendar workday', ['calendar', 'workday', '2027-01-09', '--name', 'Làm bù'], 'calendar.workday'],
    ['remind', ['remind', '--today', '2026-12-16'], 'remind.send'],
  ];

  beforeAll(() => {
    ws = workspace('2026-11-20');
    expect(ws.run(['init']).code).toBe(0);
  });

  for (const [name, args, action] of written) {
    it(`${name} → ${action}`, () => {
      const before = count(ws.db, 'audit_event');
      const actor = `nguoi-${name.replace(/\W+/g, '-')}`;
      const result = ws.run(args, { env: { TASKS_USER: actor } });
      expect(result.code, result.stderr).toBe(0);
      const entries: Entry[] = ws.json(['log']).slice(before);
      expect(entries.map((e) => e.action)).toContain(action);
      for (const e of entries) {
        expect(e.actor).toBe(actor);
        expect(Date.now() - Date.parse(e.at)).toBeLessThan(60_000);
      }
    });
  }

  // backup and restore are for SQLite files.
  it.skipIf(process.env.TASKS_TEST_BACKEND === 'postgres')('a restore is recorded in the restored database', () => {
    const copy = path.join(ws.dir, 'sao-luu.db');
    expect(ws.run(['backup', copy]).code).toBe(0);
    expect(ws.run(['restore', copy], { env: { TASKS_USER: 'chanh.vanphong' } }).code).toBe(0);
    expect(ws.json(['log']).at(-1)).toMatchObject({ action: 'db.restore', actor: 'chanh.vanphong' });
  });

  it('reading commands record nothing', () => {
    const before = count(ws.db, 'audit_event');
    for (const args of [['due'], ['list'], ['show', '1'], ['history', '1'], ['log'], ['info'], ['unit', 'list'], ['config', 'list'], ['digest', '--month', '2026-11'], ['stats'], ['remind', '--dry-run']]) {
      expect(ws.run(args).code).toBe(0);
    }
    expect(count(ws.db, 'audit_event')).toBe(before);
  });
});

describe('tasks history and tasks log', () => {
  let ws: Workspace;
  beforeAll(() => {
    ws = workspace('2026-11-20');
    expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
    expect(ws.run(['add', 'Rà soát hồ sơ hộ chiếu công vụ', '--unit', 'LS', '--due', '2026-11-30']).code).toBe(0);
    expect(ws.run(['add', 'Tổng hợp báo cáo đối ngoại', '--unit', 'VP', '--due', '2026-11-30']).code).toBe(0);
    expect(ws.run(['progress', '1', 'Đã rà soát 40 hồ sơ'], { env: { TASKS_USER: 'truongphong.ls' } }).code).toBe(0);
    expect(ws.run(['done', '1', '--evidence', '31/BC-LS'], { env: { TASKS_USER: 'truongphong.ls' } }).code).toBe(0);
  });

  it('history shows one task, oldest first, with who and what, on a line each', () => {
    const entries: Entry[] = ws.json(['history', '1']);
    expect(entries.map((e) => [e.action, e.actor])).toEqual([
      ['task.add', 'chuyenvien.vp'],
      ['task.progress', 'truongphong.ls'],
      ['task.done', 'truongphong.ls'],
    ]);
    expect(entries[2].detail).toMatchObject({ completedOn: '2026-11-20', evidence: '31/BC-LS', asOf: '2026-11-20' });
    const plain = ws.run(['history', '1']);
    expect(plain.code).toBe(0);
    const lines = plain.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}\ttruongphong\.ls\thoàn thành\t#1\tHoàn thành ngày 20\/11\/2026, văn bản báo cáo 31\/BC-LS( \(ghi theo ngày 20\/11\/2026\))?$/);
    expect(ws.run(['history', '99']).stderr).toMatch(/không có nhiệm vụ số 99/);
  });

  it('log filters by unit (its own entries and its tasks\') and by day', () => {
    const ls: Entry[] = ws.json(['log', '--unit', 'Phòng Lãnh sự']);
    expect(ls.map((e) => e.action)).toEqual(['unit.add', 'task.add', 'task.progress', 'task.done']);
    expect(ls.filter((e) => e.taskId !== null).every((e) => e.taskId === 1)).toBe(true);
    const all: Entry[] = ws.json(['log']);
    expect(ws.json(['log', '--since', realToday()])).toEqual(all);
    expect(ws.json(['log', '--since', realToday(1)])).toEqual([]);
    expect(ws.run(['log', '--since', realToday(1)]).stdout).toMatch(/Không có mục nhật ký nào/);
    expect(ws.run(['log', '--unit', 'Phòng Kế toán']).code).toBe(1);
  });

  it('an undone import keeps the history of the tasks it removed', () => {
    expect(ws.run(['import', SAMPLE, '--yes']).code).toBe(0);
    const ids = ws.json(['list']).map((t: { id: number }) => t.id).filter((id: number) => id > 2);
    expect(ids.length).toBeGreaterThan(0);
    expect(ws.run(['import', '--undo', '#1']).code).toBe(0);
    const history: Entry[] = ws.json(['history', String(ids[0])]);
    expect(history.map((e) => e.action)).toEqual(['task.add']);
    expect(ws.run(['show', String(ids[0])]).code).toBe(1);
  });
});
