/**
 * Identities and roles: single-user until the first `tasks user add`, then office, unit head and
 * viewer, each refused what the role does not allow (exit 1, a reason, nothing written), and a
 * unit head's extension held as a request until the office settles it.
 */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

let w: Workspace;
const as = (login: string) => ({ env: { TASKS_USER: login } });

function setUp(): void {
  w = workspace('2026-11-20');
  expect(w.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]).code).toBe(0);
  expect(w.run(['add', 'Báo cáo kết quả rà soát thủ tục hành chính', '--unit', 'VP', '--due', '2026-11-25']).code).toBe(0);
  expect(w.run(['add', 'Tổng hợp đoàn ra năm 2026', '--unit', 'HTQT', '--due', '2026-11-28']).code).toBe(0);
}

describe('single-user mode and the first user', () => {
  beforeEach(setUp);

  it('before any user is added whoever runs acts as office, and the audit names them', () => {
    expect(w.json(['user', 'list'])).toEqual([]);
    expect(w.run(['extend', '2', '--to', '2026-12-10', '--reason', 'Chờ ý kiến của Bộ'], as('ai-do')).code).toBe(0);
    expect(w.json(['show', '2']).due).toBe('2026-12-10');
    const history = w.json(['show', '2']).history as { actor: string; action: string }[];
    expect(history.at(-1)).toMatchObject({ actor: 'ai-do', action: 'task.extend' });
  });

  it('the first user add also registers the person running it as office', () => {
    const added = w.json(['user', 'add', 'Trần Văn Bình', '--login', 'binh.htqt', '--role', 'head', '--unit', 'Phòng HTQT']);
    expect(added).toEqual([
      { login: 'chuyenvien.vp', name: 'chuyenvien.vp', role: 'office', unit: null },
      { login: 'binh.htqt', name: 'Trần Văn Bình', role: 'head', unit: 'HTQT' },
    ]);
    expect(w.json(['user', 'list']).map((u: { login: string }) => u.login)).toEqual(['chuyenvien.vp', 'binh.htqt']);
    // The runner can still manage users.
    expect(w.run(['user', 'add', 'Lãnh đạo Sở', '--login', 'lanhdao', '--role', 'viewer']).code).toBe(0);
  });

  it('refuses a first user that would lock the runner out, and writes nothing', () => {
    const before = w.snapshot();
    const result = w.run(['user', 'add', 'Chuyên viên', '--login', 'chuyenvien.vp', '--role', 'viewer']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/phải có vai trò office/);
    expect(w.snapshot()).toBe(before);
  });

  it('checks roles and units', () => {
    expect(w.run(['user', 'add', 'X', '--login', 'x', '--role', 'boss']).stderr).toMatch(/vai trò không hợp lệ/);
    expect(w.run(['user', 'add', 'X', '--login', 'x', '--role', 'head']).stderr).toMatch(/cần --unit/);
    expect(w.run(['user', 'add', 'X', '--login', 'x', '--role', 'viewer', '--unit', 'VP']).stderr).toMatch(/--unit chỉ dùng với vai trò head/);
    expect(w.run(['user', 'add', 'X', '--login', 'x', '--role', 'head', '--unit', 'Phòng Không Có']).code).toBe(1);
    expect(w.run(['user', 'add', 'X', '--login', 'x']).code).toBe(2);
    expect(w.json(['user', 'list'])).toEqual([]);
  });
});

describe('roles once users exist', () => {
  beforeEach(() => {
    setUp();
    expect(w.run(['user', 'add', 'Nguyễn Thị Lan', '--login', 'chuyenvien.vp', '--role', 'office']).code).toBe(0);
    expect(w.run(['user', 'add', 'Trần Văn Bình', '--login', 'binh.htqt', '--role', 'head', '--unit', 'HTQT']).code).toBe(0);
    expect(w.run(['user', 'add', 'Lãnh đạo Sở', '--login', 'lanhdao', '--role', 'viewer']).code).toBe(0);
  });

  it('an unknown login is refused, even for reading', () => {
    const result = w.run(['due'], as('nguoi-la'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/"nguoi-la" chưa là người dùng/);
  });

  it("a unit head reports progress and completes their unit's tasks, and the audit records them", () => {
    expect(w.run(['progress', '2', 'Đã tổng hợp danh sách đoàn'], as('binh.htqt')).code).toBe(0);
    expect(w.run(['done', '2', '--evidence', '45/BC-HTQT'], as('binh.htqt')).code).toBe(0);
    const shown = w.json(['show', '2'], as('lanhdao'));
    expect(shown.completedOn).toBe('2026-11-20');
    expect(shown.progress).toEqual([{ on: '2026-11-20', note: 'Đã tổng hợp danh sách đoàn', by: 'binh.htqt' }]);
    expect(shown.history.slice(-2).map((h: { actor: string; action: string }) => [h.actor, h.action])).toEqual([
      ['binh.htqt', 'task.progress'],
      ['binh.htqt', 'task.done'],
    ]);
  });

  it("a unit head is refused another unit's task and office-only actions; nothing is written", () => {
    const before = w.snapshot();
    for (const args of [
      ['done', '1'],
      ['progress', '1', 'Ghi hộ'],
      ['extend', '1', '--to', '2026-12-01', '--reason', 'Xin lùi'],
      ['add', 'Nhiệm vụ mới', '--unit', 'HTQT', '--due', '2026-12-01'],
      ['cancel', '2', '--reason', 'Không cần nữa'],
      ['edit', '2', '--due', '2026-12-30'],
      ['unit', 'add', 'TCCB', 'Phòng Tổ chức cán bộ'],
      ['config', 'set', 'org.place', 'Bình Định'],
      ['user', 'add', 'Y', '--login', 'y', '--role', 'office'],
      ['user', 'set-role', 'binh.htqt', '--role', 'office'],
    ]) {
      const result = w.run(args, as('binh.htqt'));
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(/^lỗi: binh\.htqt \(trưởng đơn vị HTQT\) không được/);
      expect(result.stderr).not.toMatch(/at .*\.js/);
    }
    expect(w.snapshot()).toBe(before);
  });

  it('a viewer reads everything and writes nothing', () => {
    expect(w.run(['due'], as('lanhdao')).code).toBe(0);
    expect(w.json(['list'], as('lanhdao'))).toHaveLength(2);
    const before = w.snapshot();
    for (const args of [['done', '2'], ['progress', '2', 'x'], ['extend', '2', '--to', '2026-12-01', '--reason', 'x'], ['remind', '--outbox', w.dir]]) {
      const result = w.run(args, as('lanhdao'));
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(/lanhdao \(chỉ xem\)/);
    }
    expect(w.snapshot()).toBe(before);
  });

  it("a head's extension is a request the office approves; it shows on tasks show until then", () => {
    const asked = w.json(['extend', '2', '--to', '2026-12-15', '--reason', 'Chờ ý kiến của Bộ Ngoại giao'], as('binh.htqt'));
    expect(asked.due).toBe('2026-11-28');
    expect(asked.pendingExtension).toEqual({ to: '2026-12-15', from: '2026-11-28', reason: 'Chờ ý kiến của Bộ Ngoại giao', requestedBy: 'binh.htqt', requestedOn: '2026-11-20' });
    expect(w.json(['show', '2']).pendingExtension).toMatchObject({ to: '2026-12-15', requestedBy: 'binh.htqt' });
    expect(w.run(['show', '2'], { env: {} }).stdout).toMatch(/Đề nghị gia hạn chờ văn phòng duyệt\n {2}Đề nghị gia hạn đến 15\/12\/2026 \(gửi 20\/11\/2026\), hạn hiện tại 28\/11\/2026; lý do: Chờ ý kiến của Bộ Ngoại giao \(binh\.htqt\)/);
    // One request at a time; the head cannot settle it.
    expect(w.run(['extend', '2', '--to', '2026-12-20', '--reason', 'Lùi thêm'], as('binh.htqt')).code).toBe(1);
    expect(w.run(['extend', '2', '--approve'], as('binh.htqt')).stderr).toMatch(/không được duyệt đề nghị gia hạn/);

    const approved = w.json(['extend', '2', '--approve']);
    expect(approved).toMatchObject({ due: '2026-12-15', originalDue: '2026-11-28', pendingExtension: null });
    const shown = w.json(['show', '2']);
    expect(shown.pendingExtension).toBeNull();
    expect(shown.extensions).toEqual([{ from: '2026-11-28', to: '2026-12-15', reason: 'Chờ ý kiến của Bộ Ngoại giao', on: '2026-11-20', by: 'chuyenvien.vp' }]);
    expect(shown.history.at(-1)).toMatchObject({ actor: 'chuyenvien.vp', action: 'task.extend-approve' });
    expect(w.run(['extend', '2', '--approve']).stderr).toMatch(/không có đề nghị gia hạn nào đang chờ/);
  });

  it('the office rejects a request, and its own extensions apply at once', () => {
    expect(w.run(['extend', '2', '--to', '2026-12-15', '--reason', 'Chờ Bộ'], as('binh.htqt')).code).toBe(0);
    const rejected = w.json(['extend', '2', '--reject', '--reason', 'Đề nghị hoàn thành đúng hạn']);
    expect(rejected).toMatchObject({ due: '2026-11-28', pendingExtension: null });
    expect(w.json(['show', '2']).history.at(-1)).toMatchObject({ action: 'task.extend-reject' });
    expect(w.json(['extend', '1', '--to', '2026-12-05', '--reason', 'Chờ số liệu'])).toMatchObject({ due: '2026-12-05', pendingExtension: null });
    expect(w.run(['extend', '1', '--approve', '--reject']).code).toBe(2);
  });

  it('set-role moves a head to another unit, and the last office user cannot be demoted', () => {
    expect(w.json(['user', 'set-role', 'binh.htqt', '--role', 'head', '--unit', 'VP'])).toEqual({ login: 'binh.htqt', name: 'Trần Văn Bình', role: 'head', unit: 'VP' });
    expect(w.run(['done', '1'], as('binh.htqt')).code).toBe(0);
    expect(w.run(['done', '2'], as('binh.htqt')).code).toBe(1);
    const last = w.run(['user', 'set-role', 'chuyenvien.vp', '--role', 'viewer']);
    expect(last.code).toBe(1);
    expect(last.stderr).toMatch(/người dùng văn phòng cuối cùng/);
    expect(w.run(['user', 'set-role', 'khong-co', '--role', 'viewer']).code).toBe(1);
  });
});
