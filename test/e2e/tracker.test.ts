/**
 * The core tracker end to end: the built CLI, a real SQLite file, exit codes, stderr and --json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
let w: Workspace;

beforeEach(() => {
  w = workspace('2026-11-20');
  expect(w.run(['unit', 'import', UNITS]).code).toBe(0);
});

function add(args: string[], today = '2026-11-20'): any[] {
  return w.json(['add', ...args, '--today', today]);
}

describe('units', () => {
  it('imports the unit list and finds units by code, name or alias without diacritics', () => {
    const units = w.json(['unit', 'list']);
    expect(units.units.map((u: any) => u.code)).toEqual(['VP', 'TTR', 'LS', 'HTQT', 'TTDN']);
    expect(add(['Rà soát', '--unit', 'van phong', '--due', '2026-12-01'])[0].lead).toBe('VP');
    expect(add(['Rà soát', '--unit', 'PHONG TTDN', '--due', '2026-12-01'])[0].lead).toBe('TTDN');
    expect(add(['Rà soát', '--unit', 'Thanh tra', '--due', '2026-12-01'])[0].lead).toBe('TTR');
  });

  it('fans a group out in registry order', () => {
    const tasks = add(['Rà soát TTHC của đơn vị', '--unit', 'cac don vi thuoc so', '--due', '15/12/2026', '--coord', 'VP']);
    expect(tasks.map((t) => t.lead)).toEqual(['VP', 'TTR', 'LS', 'HTQT', 'TTDN']);
    expect(tasks[0].coordinating).toEqual([]);
    expect(tasks[1].coordinating).toEqual(['VP']);
  });

  it('adds, edits and deactivates a unit; a deactivated unit takes no new task', () => {
    expect(w.run(['unit', 'add', 'KHTC', 'Phòng Kế hoạch - Tài chính', '--alias', 'Phòng KHTC', '--email', 'khtc@so.example.vn']).code).toBe(0);
    expect(w.run(['unit', 'edit', 'KHTC', '--head', 'Trưởng phòng KHTC']).code).toBe(0);
    expect(add(['Lập dự toán', '--unit', 'phong khtc', '--due', '2026-12-01'])[0].lead).toBe('KHTC');
    expect(w.run(['unit', 'deactivate', 'KHTC']).code).toBe(0);
    const refused = w.run(['add', 'Lập dự toán', '--unit', 'KHTC', '--due', '2026-12-01']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/ngừng hoạt động/);
    expect(w.json(['unit', 'list']).units.map((u: any) => u.code)).not.toContain('KHTC');
    expect(w.json(['unit', 'list', '--all']).units.map((u: any) => u.code)).toContain('KHTC');
  });

  it('refuses a unit list that repeats a code, and changes nothing', () => {
    const before = w.snapshot();
    const file = w.file('bad.json', JSON.stringify({ units: [{ code: 'VP', name: 'Văn phòng' }, { code: 'VP', name: 'Khác' }] }));
    const result = w.run(['unit', 'import', file]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/lặp lại/);
    expect(w.snapshot()).toBe(before);
  });
});

describe('the JSON contract of a task', () => {
  it('has the documented fields', () => {
    const [task] = add(['Tham mưu kế hoạch tuyên truyền CCHC', '--unit', 'VP', '--coord', 'HTQT', '--coord', 'TTDN', '--due', '30/11/2026', '--source', '84/TB-SNgV', '--issued', '2026-11-02']);
    expect(task).toMatchObject({
      text: 'Tham mưu kế hoạch tuyên truyền CCHC',
      lead: 'VP',
      coordinating: ['HTQT', 'TTDN'],
      due: '2026-11-30',
      bucket: 'open_in_term',
      daysLate: null,
      assignedOn: '2026-11-02',
      completedOn: null,
      evidence: null,
      source: { number: '84/TB-SNgV', issuedOn: '2026-11-02' },
    });
    expect(typeof task.id).toBe('number');
  });

  it('assigns on the day recorded when there is no source date', () => {
    const [task] = add(['Cập nhật hồ sơ công chức', '--unit', 'VP', '--due', '2026-12-20'], '2026-11-18');
    expect(task.assignedOn).toBe('2026-11-18');
  });
});

describe('tasks due', () => {
  beforeEach(() => {
    add(['Quá hạn lâu', '--unit', 'LS', '--due', '2026-10-01'], '2026-09-01');
    add(['Quá hạn một ngày', '--unit', 'VP', '--due', '2026-11-19'], '2026-09-01');
    add(['Đến hạn hôm nay', '--unit', 'HTQT', '--due', '2026-11-20'], '2026-09-01');
    add(['Còn bảy ngày', '--unit', 'TTR', '--due', '2026-11-27'], '2026-09-01');
    add(['Còn tám ngày', '--unit', 'TTR', '--due', '2026-11-28'], '2026-09-01');
    add(['Thường xuyên', '--unit', 'VP', '--ongoing'], '2026-09-01');
    const [done] = add(['Đã xong', '--unit', 'VP', '--due', '2026-11-10'], '2026-09-01');
    w.run(['done', String(done.id), '--on', '2026-11-09']);
    add(['Giao sau ngày xem', '--unit', 'VP', '--due', '2026-11-30'], '2026-11-25');
  });

  it('lists overdue (most days late first), then due within 7 days, then what needs settling', () => {
    const due = w.json(['due']);
    expect(due.map((t: any) => t.text)).toEqual(['Quá hạn lâu', 'Quá hạn một ngày', 'Đến hạn hôm nay', 'Còn bảy ngày']);
    expect(due.map((t: any) => t.daysLate)).toEqual([50, 1, null, null]);
    expect(due.map((t: any) => t.section)).toEqual(['overdue', 'overdue', 'due_soon', 'due_soon']);
  });

  it('takes --within and --unit, and gives the overdue list alone', () => {
    expect(w.json(['due', '--within', '8']).map((t: any) => t.text)).toContain('Còn tám ngày');
    expect(w.json(['due', '--within', '0']).map((t: any) => t.text)).toEqual(['Quá hạn lâu', 'Quá hạn một ngày', 'Đến hạn hôm nay']);
    expect(w.json(['due', '--unit', 'thanh tra']).map((t: any) => t.text)).toEqual(['Còn bảy ngày']);
    expect(w.json(['overdue']).map((t: any) => t.text)).toEqual(['Quá hạn lâu', 'Quá hạn một ngày']);
  });

  it('shows the world as it stood at the end of an earlier day', () => {
    // On 2026-11-08 the task completed on 2026-11-09 was still open, and the one assigned on 2026-11-25 did not exist.
    const early = w.json(['due', '--today', '2026-11-08', '--within', '2']);
    expect(early.map((t: any) => t.text)).toEqual(['Quá hạn lâu', 'Đã xong']);
    const later = w.json(['due', '--today', '2026-11-10', '--within', '0']);
    expect(later.map((t: any) => t.text)).toEqual(['Quá hạn lâu']);
    const beforeDone = w.json(['list', '--today', '2026-11-08', '--search', 'da xong']);
    expect(beforeDone[0]).toMatchObject({ bucket: 'open_in_term', completedOn: null });
  });

  it("prints one tab-separated line per task when piped", () => {
    const db = w.db;
    if (!w.postgres) expect(fs.existsSync(db)).toBe(true);
    const result = w.run(['due']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^overdue\t\d+\tLS\t01\/10\/2026\tquá 50 ngày/);
    expect(lines).toHaveLength(4);
  });
});

describe('changes to a task', () => {
  it('records progress, completion with evidence, and shows history', () => {
    const [task] = add(['Báo cáo kết quả KSTTHC', '--unit', 'VP', '--due', '2026-11-25']);
    expect(w.run(['progress', String(task.id), 'Đã tổng hợp số liệu của các phòng']).code).toBe(0);
    const done = w.json(['done', String(task.id), '--evidence', '123/BC-VP', '--note', 'Gửi UBND tỉnh']);
    expect(done).toMatchObject({ bucket: 'done_on_time', completedOn: '2026-11-20', evidence: '123/BC-VP' });
    const shown = w.json(['show', String(task.id)]);
    expect(shown.progress).toEqual([{ on: '2026-11-20', note: 'Đã tổng hợp số liệu của các phòng', by: 'chuyenvien.vp' }]);
    expect(shown.history.map((h: any) => h.action)).toEqual(['task.add', 'task.progress', 'task.done']);
    expect(shown.history[0].actor).toBe('chuyenvien.vp');
    expect(Date.parse(shown.history[0].at)).toBeGreaterThan(Date.parse('2026-01-01'));
  });

  it('counts completion on the due date as on time and the day after as 1 day late', () => {
    const [a] = add(['Đúng hạn', '--unit', 'VP', '--due', '2026-11-10'], '2026-11-01');
    const [b] = add(['Trễ một ngày', '--unit', 'VP', '--due', '2026-11-10'], '2026-11-01');
    expect(w.json(['done', String(a.id), '--on', '10/11/2026'])).toMatchObject({ bucket: 'done_on_time', daysLate: null });
    expect(w.json(['done', String(b.id), '--on', '2026-11-11'])).toMatchObject({ bucket: 'done_late', daysLate: 1 });
  });

  it('extends before the due date, keeps the original, and refuses a late extension', () => {
    const [task] = add(['Trình Đề án vị trí việc làm', '--unit', 'VP', '--due', '2026-11-20'], '2026-10-01');
    const extended = w.json(['extend', String(task.id), '--to', '2026-12-15', '--reason', 'Chờ hướng dẫn của Bộ']);
    expect(extended).toMatchObject({ due: '2026-12-15', originalDue: '2026-11-20', bucket: 'open_in_term' });
    const shown = w.json(['show', String(task.id)]);
    expect(shown.extensions).toEqual([{ from: '2026-11-20', to: '2026-12-15', reason: 'Chờ hướng dẫn của Bộ', on: '2026-11-20', by: 'chuyenvien.vp' }]);

    const [late] = add(['Việc đã quá hạn', '--unit', 'LS', '--due', '2026-11-19'], '2026-10-01');
    const before = w.snapshot();
    const refused = w.run(['extend', String(late.id), '--to', '2026-12-15', '--reason', 'Xin thêm thời gian']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/gia hạn phải được cho phép trước hoặc trong ngày hết hạn 19\/11\/2026/);
    expect(w.snapshot()).toBe(before);
  });

  it('cancels with a reason, refuses completing a cancelled task, and reopens', () => {
    const [task] = add(['Tổ chức hội nghị', '--unit', 'HTQT', '--due', '2026-12-01']);
    expect(w.json(['cancel', String(task.id), '--reason', 'Không còn phù hợp']).bucket).toBe('cancelled');
    const before = w.snapshot();
    const refused = w.run(['done', String(task.id)]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/đã dừng thực hiện/);
    expect(w.snapshot()).toBe(before);
    expect(w.json(['reopen', String(task.id)]).bucket).toBe('open_in_term');
  });

  it('edits an open task and refuses editing a completed one', () => {
    const [task] = add(['Nội dung cũ', '--unit', 'VP', '--due', '2026-12-01']);
    const edited = w.json(['edit', String(task.id), '--text', 'Nội dung mới', '--unit', 'LS', '--coord', 'VP', '--due', '2026-12-10']);
    expect(edited).toMatchObject({ text: 'Nội dung mới', lead: 'LS', coordinating: ['VP'], due: '2026-12-10' });
    w.run(['done', String(task.id)]);
    const refused = w.run(['edit', String(task.id), '--text', 'Khác']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/đã hoàn thành/);
  });
});

describe('recurring tasks', () => {
  it('creates one occurrence per period begun, idempotently, and completing one leaves the next', () => {
    const first = add(['Báo cáo công tác CCHC quý', '--unit', 'VP', '--every', 'quarter', '--day', '15'], '2026-02-10');
    expect(first.map((t) => [t.due, t.series.period])).toEqual([['2026-03-15', '2026-Q1']]);
    const later = w.json(['list', '--search', 'cchc quy', '--today', '2026-11-20']);
    expect(later.map((t: any) => t.due)).toEqual(['2026-03-15', '2026-06-15', '2026-09-15', '2026-12-15']);
    expect(w.json(['list', '--search', 'cchc quy', '--today', '2026-11-20'])).toHaveLength(4);
    w.run(['done', String(later[0].id), '--on', '2026-03-10']);
    const after = w.json(['list', '--search', 'cchc quy']);
    expect(after.map((t: any) => t.bucket)).toEqual(['done_on_time', 'open_overdue', 'open_overdue', 'open_in_term']);
    expect(after[3].assignedOn).toBe('2026-10-01');
  });

  it('stops at --until and with cancel --series', () => {
    add(['Báo cáo tháng', '--unit', 'LS', '--every', 'month', '--until', '2027-02-28'], '2026-11-20');
    expect(w.json(['list', '--search', 'bao cao thang', '--today', '2027-06-01'])).toHaveLength(4);
    const [monthly] = add(['Cập nhật cổng thông tin', '--unit', 'TTDN', '--every', 'month'], '2026-11-20');
    w.run(['cancel', String(monthly.id), '--reason', 'Gộp vào nhiệm vụ khác', '--series']);
    expect(w.json(['list', '--search', 'cong thong tin', '--today', '2027-06-01'])).toHaveLength(1);
  });
});

describe('tasks list', () => {
  it('prints every task with no filter and filters by bucket, source, dates and search', () => {
    add(['Rà soát Kế hoạch số 984/KH-SNgV', '--unit', 'VP', '--due', '2026-09-30', '--source', '84/TB-SNgV', '--issued', '2026-06-24']);
    add(['Đăng tin bài tuyên truyền', '--unit', 'TTDN', '--due', '2026-12-31']);
    const [c] = add(['Hướng dẫn nộp hồ sơ trực tuyến', '--unit', 'LS', '--ongoing']);
    w.run(['cancel', String(c.id), '--reason', 'Đã có quy trình mới']);
    expect(w.json(['list'])).toHaveLength(3);
    expect(w.json(['list', '--bucket', 'open_overdue']).map((t: any) => t.lead)).toEqual(['VP']);
    expect(w.json(['list', '--bucket', 'cancelled,open_in_term'])).toHaveLength(2);
    expect(w.json(['list', '--source', '84/TB-SNgV'])).toHaveLength(1);
    expect(w.json(['list', '--due-before', '2026-10-01'])).toHaveLength(1);
    expect(w.json(['list', '--due-after', '2026-10-01'])).toHaveLength(1);
    expect(w.json(['list', '--search', 'TUYEN TRUYEN'])[0].lead).toBe('TTDN');
    expect(w.json(['list', '--search', 'hồ sơ trực tuyến'])[0].bucket).toBe('cancelled');
  });
});

describe('refusals: exit code, one Vietnamese line, database unchanged', () => {
  const cases: [string, string[], number, RegExp][] = [
    ['an unknown unit, with the closest names', ['add', 'X', '--unit', 'Phong Lanh su quan', '--due', '2026-12-01'], 1, /không có đơn vị .*Phòng Lãnh sự \(LS\)/],
    ['an impossible date', ['add', 'X', '--unit', 'VP', '--due', '31/02/2021'], 1, /không hợp lệ: "31\/02\/2021"/],
    ['a date before 2000', ['add', 'X', '--unit', 'VP', '--due', '1900-01-01'], 1, /ngoài khoảng/],
    ['a date after 2099', ['add', 'X', '--unit', 'VP', '--due', '2100-01-01'], 1, /ngoài khoảng/],
    ['month 13', ['list', '--due-before', '00/13/2021'], 1, /không hợp lệ/],
    ['an id that is not a number', ['done', 'abc'], 1, /số nhiệm vụ không hợp lệ/],
    ['a negative id', ['show', '-5'], 1, /số nhiệm vụ không hợp lệ/],
    ['a huge id', ['show', '99999999999999999999'], 1, /số nhiệm vụ không hợp lệ/],
    ['an id that does not exist', ['done', '4242'], 1, /không có nhiệm vụ số 4242/],
    ['a bad --today', ['due', '--today', '2026-02-30'], 1, /--today không hợp lệ/],
    ['an unknown bucket', ['list', '--bucket', 'late'], 1, /nhóm tình trạng không hợp lệ/],
    ['an unknown option', ['due', '--soon'], 2, /không có tùy chọn --soon/],
    ['an unknown command', ['finish', '1'], 2, /không có lệnh "finish"/],
    ['a missing argument', ['progress', '1'], 2, /thiếu tham số/],
    ['missing task fields without a terminal', ['add', 'Chỉ có nội dung'], 2, /thiếu --unit/],
    ['SQL metacharacters as a unit', ['add', 'X', '--unit', "VP'; drop table task; --", '--due', '2026-12-01'], 1, /không có đơn vị/],
    ['two schedules', ['add', 'X', '--unit', 'VP', '--due', '2026-12-01', '--ongoing'], 2, /chỉ chọn một/],
  ];
  it.each(cases)('%s', (_name, args, code, message) => {
    add(['Một nhiệm vụ có sẵn', '--unit', 'VP', '--due', '2026-12-01']);
    const before = w.snapshot();
    const result = w.run(args);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(w.snapshot()).toBe(before);
    expect(w.json(['list'])).toHaveLength(1);
  });

  it('speaks English with --lang en', () => {
    const result = w.run(['done', '4242', '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: no task 4242 (find task numbers with "tasks list")\n');
  });
});

describe('the database location', () => {
  it('refuses a named database that does not exist for commands that only read, and creates it for those that write', () => {
    const missing = path.join(w.dir, 'typo.db');
    const refused = w.run(['due'], { env: { TASKS_DB: missing } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/không có cơ sở dữ liệu/);
    expect(fs.existsSync(missing)).toBe(false);
    expect(w.run(['--db', missing, 'init']).code).toBe(0);
    expect(fs.existsSync(missing)).toBe(true);
  });

  it('accepts global options after the command name and creates the default database on first use', () => {
    // The first command that writes creates it; one that only reads refuses a missing database.
    expect(w.run(['info'], { env: { TASKS_DB: '' } }).code).toBe(1);
    expect(w.run(['init'], { env: { TASKS_DB: '' } }).code).toBe(0);
    const result = w.run(['info', '--json'], { env: { TASKS_DB: '' } });
    expect(result.code).toBe(0);
    const info = JSON.parse(result.stdout);
    expect(info.database).toBe(path.join(w.dir, 'xdg', 'tasks', 'tasks.db'));
    expect(info.schemaVersion).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z-]+$/);
    const own = w.json(['info', '--db', w.db]);
    expect(own).toMatchObject({ units: 5, tasks: 0, today: '2026-11-20', actor: 'chuyenvien.vp' });
  });

  it('refuses a file that is not a database of ours', () => {
    const file = w.file('notes.txt', 'Ghi chú cuộc họp giao ban tháng 11\n'.repeat(50));
    const before = fs.readFileSync(file);
    const result = w.run(['due', '--db', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/không phải là cơ sở dữ liệu của tasks/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
