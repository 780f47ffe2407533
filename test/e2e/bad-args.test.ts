/**
 * Bad values on the command line — impossible and out-of-range dates, ids that are negative, huge
 * or not numbers, SQL metacharacters and quotes — through every command that takes them: each is
 * refused in one line and the database is left byte for byte as it was.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';
import { count } from '../helpers/kill.js';
import { expectRefused, type Tally } from '../helpers/refusal.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const SAMPLE = path.join(ROOT, 'data', 'ket-luan-mau.txt');
const tally: Tally = { tried: 0 };
let ws: Workspace;

beforeAll(() => {
  ws = workspace('2026-11-20');
  expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
  expect(ws.run(['add', 'Rà soát quy chế làm việc của Sở', '--unit', 'VP', '--due', '2026-12-15', '--source', '84/TB-SNgV', '--issued', '2026-11-02']).code).toBe(0);
  expect(ws.run(['add', 'Báo cáo công tác lãnh sự năm 2026', '--unit', 'LS', '--due', '2026-12-20']).code).toBe(0);
});

afterAll(() => {
  console.info(`bad command-line values × commands tried: ${tally.tried}`);
});

const BAD_DATES = ['31/02/2021', '00/13/2021', '1900-01-01', '2100-01-01', 'ngày mai'];

/** Every place a date is typed, with the bad date put in by `with`. */
const DATE_USES: [string, (d: string) => string[]][] = [
  ['add --due', (d) => ['add', 'Rà soát', '--unit', 'VP', '--due', d]],
  ['add --until', (d) => ['add', 'Báo cáo tháng', '--unit', 'VP', '--every', 'month', '--until', d]],
  ['add --issued', (d) => ['add', 'Rà soát', '--unit', 'VP', '--due', '2026-12-30', '--source', '90/TB-SNgV', '--issued', d]],
  ['done --on', (d) => ['done', '1', '--on', d]],
  ['extend --to', (d) => ['extend', '1', '--to', d, '--reason', 'Chờ ý kiến của Bộ']],
  ['edit --due', (d) => ['edit', '1', '--due', d]],
  ['list --due-before', (d) => ['list', '--due-before', d]],
  ['list --due-after', (d) => ['list', '--due-after', d]],
  ['log --since', (d) => ['log', '--since', d]],
  ['import --issued', (d) => ['import', SAMPLE, '--yes', '--issued', d]],
  ['import --meeting-date', (d) => ['import', SAMPLE, '--yes', '--meeting-date', d]],
  ['import --default-due', (d) => ['import', SAMPLE, '--yes', '--default-due', d]],
  ['--today', (d) => ['due', '--today', d]],
  ['stats --from', (d) => ['stats', '--from', d]],
  ['stats --to', (d) => ['stats', '--to', d]],
  ['remind --before-meeting', (d) => ['remind', '--dry-run', '--before-meeting', d]],
];

/** The working-day calendar covers 1900–2199 on purpose (old deadlines are recounted), so its bad dates are its own. */
const BAD_CALENDAR_DATES = ['31/02/2021', '00/13/2021', '1899-12-31', '2200-01-01', 'thứ hai'];
const CALENDAR_USES: [string, (d: string) => string[]][] = [
  ['calendar off', (d) => ['calendar', 'off', d, '--name', 'Nghỉ bù']],
  ['calendar workday', (d) => ['calendar', 'workday', d]],
  ['calendar add', (d) => ['calendar', 'add', d, '10']],
];

describe('impossible and out-of-range dates', () => {
  for (const [use, args] of DATE_USES) {
    it(use, () => {
      for (const date of BAD_DATES) expect(expectRefused(ws, args(date), tally)).toContain(date);
    });
  }

  for (const [use, args] of CALENDAR_USES) {
    it(use, () => {
      for (const date of BAD_CALENDAR_DATES) expectRefused(ws, args(date), tally);
    });
  }

  it('TASKS_TODAY', () => {
    for (const date of BAD_DATES) expectRefused(ws, ['due'], tally, { env: { TASKS_TODAY: date } });
  });
});

const BAD_IDS = ['-1', '0', '99999999999999999999', 'abc', '1.5', '', "1' OR '1'='1"];

const ID_USES: [string, (id: string) => string[]][] = [
  ['show', (id) => ['show', id]],
  ['history', (id) => ['history', id]],
  ['progress', (id) => ['progress', id, 'Đã gửi dự thảo']],
  ['done', (id) => ['done', id, '--evidence', '12/BC-VP']],
  ['extend', (id) => ['extend', id, '--to', '2026-12-31', '--reason', 'Chờ ý kiến của Bộ']],
  ['cancel', (id) => ['cancel', id, '--reason', 'Đã lồng ghép']],
  ['reopen', (id) => ['reopen', id]],
  ['edit', (id) => ['edit', id, '--text', 'Nội dung mới']],
];

describe('task ids that are negative, huge, not numbers, or SQL', () => {
  for (const [use, args] of ID_USES) {
    it(use, () => {
      for (const id of BAD_IDS) expect(expectRefused(ws, args(id), tally)).toMatch(/số nhiệm vụ không hợp lệ/);
      // A well-formed id that names no task.
      expect(expectRefused(ws, args('424242'), tally)).toMatch(/không có nhiệm vụ số 424242/);
    });
  }
});

const SQL_TEXTS = ["VP'; DROP TABLE task; --", '" OR 1=1 --', "x') UNION SELECT * FROM audit_event --", '%_\\'];

describe('SQL metacharacters and quotes where a name is expected', () => {
  const NAME_USES: [string, (s: string) => string[], RegExp][] = [
    ['add --unit', (s) => ['add', 'Rà soát', '--unit', s, '--due', '2026-12-30'], /không có đơn vị/],
    ['add --coord', (s) => ['add', 'Rà soát', '--unit', 'VP', '--coord', s, '--due', '2026-12-30'], /không có đơn vị/],
    ['list --unit', (s) => ['list', '--unit', s], /không có đơn vị/],
    ['due --unit', (s) => ['due', '--unit', s], /không có đơn vị/],
    ['log --unit', (s) => ['log', '--unit', s], /không có đơn vị/],
    ['edit --unit', (s) => ['edit', '1', '--unit', s], /không có đơn vị/],
    ['unit edit', (s) => ['unit', 'edit', s, '--head', 'Trưởng phòng'], /không có đơn vị mã/],
    ['import --undo', (s) => ['import', '--undo', s], /không có văn bản đã nhập/],
    ['import --fallback-unit', (s) => ['import', SAMPLE, '--yes', '--fallback-unit', s], /không có đơn vị/],
    ['config get', (s) => ['config', 'get', s], /.+/],
    ['config set', (s) => ['config', 'set', s, 'x'], /.+/],
  ];
  for (const [use, args, reason] of NAME_USES) {
    it(use, () => {
      for (const text of SQL_TEXTS) expect(expectRefused(ws, args(text), tally)).toMatch(reason);
    });
  }

  it('as text they are stored and shown verbatim, and every table is still there', () => {
    const text = `Rà soát "quy chế" của Phòng HTQT'; DROP TABLE task; -- và %_\\`;
    const [task] = ws.json(['add', text, '--unit', 'HTQT', '--due', '2026-12-30']);
    expect(ws.json(['show', String(task.id)]).text).toBe(text);
    expect(ws.json(['list', '--search', "'; DROP TABLE task; --"]).map((t: { id: number }) => t.id)).toEqual([task.id]);
    // A LIKE wildcard typed as a search finds the text holding it, not every task.
    expect(ws.json(['list', '--search', '%']).map((t: { id: number }) => t.id)).toEqual([task.id]);
    expect(ws.json(['list', '--search', '_']).map((t: { id: number }) => t.id)).toEqual([task.id]);
    expect(count(ws.db, 'task')).toBe(3);
    expect(ws.run(['cancel', String(task.id), '--reason', "Nhập nhầm'); DELETE FROM task; --"]).code).toBe(0);
    expect(count(ws.db, 'task')).toBe(3);
  });
});

describe('other values out of range or unknown', () => {
  const OTHERS: string[][] = [
    ['digest', '--month', '2026-13'],
    ['digest', '--month', '2100-01'],
    ['digest', '--month', '1999-12'],
    ['digest', '--month', 'tháng-11'],
    ['digest', '--month', '2026-11', '--format', 'exe'],
    ['digest', '--month', '2026-11', '--out', 'khong-co-thu-muc/bao-cao.docx'],
    ['digest', '--month', '2026-11', '--out', '.'],
    ['overdue', '--format', 'pdf'],
    ['due', '--within', '-1'],
    ['due', '--within', '999999'],
    ['due', '--lang', 'fr'],
    ['list', '--bucket', 'qua_han'],
    ['add', 'Báo cáo định kỳ', '--unit', 'VP', '--every', 'weekly'],
    ['add', 'Báo cáo định kỳ', '--unit', 'VP', '--every', 'month', '--day', '0'],
    ['add', 'Báo cáo định kỳ', '--unit', 'VP', '--every', 'month', '--day', '32'],
    ['stats', '--from', '2026-12-01', '--to', '2026-01-01'],
    ['remind', '--dry-run', '--unit', 'Phòng Kế toán'],
    ['config', 'set', 'remind.offsetsBefore', 'bảy,ba'],
    ['config', 'set', 'office.email', 'vanphong-khong-co-a-con'],
    ['calendar', 'list', '1899'],
    ['calendar', 'add', '2026-11-20', '-3'],
    ['unit', 'add', 'VP X', 'Phòng có mã sai'],
    ['unit', 'add', 'VP', 'Văn phòng trùng mã'],
    ['edit', '1', '--due', '2026-01-01'],
    ['extend', '1', '--to', '2026-11-01', '--reason', 'Lùi hạn về trước'],
    ['done', '1', '--on', '2026-12-25'],
  ];
  it('each is refused in one line and changes nothing', () => {
    for (const args of OTHERS) expectRefused(ws, args, tally);
  });
});
