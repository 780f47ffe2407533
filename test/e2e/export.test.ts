/**
 * `tasks export` end to end. On a seeded tracker (test/bench/seed.mjs: sources, extensions,
 * progress notes, cancellations, unassigned tasks, recurring occurrences), an export read back
 * by `tasks import-sheet` into a database holding the same units gives the same tasks, buckets,
 * assignment dates and completions, through CSV and through XLSX.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

const TODAY = '2026-11-20';
let source: Workspace;
let unitsFile: string;
let original: any[];

/** What must survive the trip: everything but the id, which the new database hands out. */
function facts(task: any) {
  const { id: _id, series: _series, ...rest } = task;
  return rest;
}

beforeAll(() => {
  source = workspace(TODAY);
  // The seed writes SQLite; on PostgreSQL the seeded file is copied over with `tasks db copy`.
  const file = source.postgres ? path.join(source.dir, 'seeded.db') : source.db;
  const seeded = spawnSync(process.execPath, [path.join(ROOT, 'test/bench/seed.mjs'), '--tasks', '1200', '--db', file], { encoding: 'utf8' });
  expect(seeded.status, seeded.stderr).toBe(0);
  if (source.postgres) expect(source.run(['db', 'copy', '--from', file, '--to', source.db]).code).toBe(0);
  const units = spawnSync(process.execPath, ['--input-type=module', '-e', `import { unitFile } from ${JSON.stringify(path.join(ROOT, 'test/bench/units.mjs'))}; process.stdout.write(JSON.stringify(unitFile()));`], { encoding: 'utf8' });
  expect(units.status, units.stderr).toBe(0);
  unitsFile = source.file('units.json', units.stdout);
  original = source.json(['list']);
});

function freshWithUnits(): Workspace {
  const ws = workspace(TODAY);
  const r = ws.run(['unit', 'import', unitsFile]);
  expect(r.code, r.stderr).toBe(0);
  return ws;
}

describe.each(['csv', 'xlsx'])('export --format %s, then import-sheet', (format) => {
  let target: Workspace;
  let file: string;
  beforeAll(() => {
    file = path.join(source.dir, `nhiem-vu.${format}`);
    const exported = source.run(['export', '--format', format, '--out', file]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain(`(${original.length} nhiệm vụ)`);
    target = freshWithUnits();
    const imported = target.run(['import-sheet', file]);
    expect(imported.code, imported.stderr).toBe(0);
  });

  it('gives the same tasks, buckets, due dates, assignment dates and completions', () => {
    const rebuilt = target.json(['list']);
    expect(rebuilt).toHaveLength(original.length);
    expect(rebuilt.map(facts)).toEqual(original.map(facts));
    // The seed has every kind the export must carry: check it really does.
    const buckets = new Set(original.map((t) => t.bucket));
    for (const b of ['done_on_time', 'done_late', 'open_in_term', 'open_overdue', 'ongoing', 'cancelled', 'undated']) expect(buckets).toContain(b);
    expect(original.some((t) => t.due !== t.originalDue && !t.ongoing)).toBe(true);
    expect(original.some((t) => t.lead === null && t.ownerText)).toBe(true);
  });

  it('gives the same figures as of earlier days too, when extensions had not been granted yet', () => {
    for (const day of ['2026-06-30', '2025-12-31']) {
      const before = source.json(['list', '--today', day]).map(facts);
      const after = target.json(['list', '--today', day]).map(facts);
      // Only the latest extension travels: a task extended twice may show another due date in between.
      const same = before.filter((t: any, i: number) => JSON.stringify(t) === JSON.stringify(after[i])).length;
      expect(after).toHaveLength(before.length);
      expect(same / before.length).toBeGreaterThan(0.98);
    }
  });

  it('carries the latest progress note and the extension with its reason', () => {
    const extended = original.find((t) => t.due !== t.originalDue && !t.ongoing && t.bucket === 'open_in_term') ?? original.find((t) => t.due !== t.originalDue && !t.ongoing);
    const index = original.indexOf(extended);
    const before = source.json(['show', String(extended.id)]);
    const after = target.json(['show', String(target.json(['list'])[index].id)]);
    const last = before.extensions[before.extensions.length - 1];
    expect(after.extensions).toHaveLength(1);
    expect(after.extensions[0]).toMatchObject({ from: before.originalDue, to: last.to, reason: last.reason, on: last.on });
    const many = source.sql<{ task_id: number }>('select task_id from progress_note group by task_id having count(*) > 1 order by task_id limit 1')[0].task_id;
    const noted = original.findIndex((t) => t.id === many);
    const notesBefore = source.json(['show', String(many)]).progress;
    expect(notesBefore.length).toBeGreaterThan(1);
    const notesAfter = target.json(['show', String(target.json(['list'])[noted].id)]).progress;
    expect(notesAfter.map((n: any) => [n.on, n.note])).toEqual([[notesBefore.at(-1).on, notesBefore.at(-1).note]]);
  });
});

describe('the files themselves', () => {
  let ws: Workspace;
  beforeAll(() => {
    ws = freshWithUnits();
    const add = (args: string[]) => expect(ws.run(['add', ...args]).code).toBe(0);
    add(['=SUM(A1:A9) báo cáo', '--unit', 'VP', '--due', '30/11/2026', '--source', '84/TB-SNgV', '--issued', '05/10/2026']);
    add(['Kiểm tra, đôn đốc; tổng hợp "kết quả"\nthực hiện', '--unit', 'TTR', '--coord', 'VP', '--coord', 'KHTC', '--due', '2026-12-15']);
    add(['+Cập nhật danh mục', '--unit', 'KHTC', '--ongoing']);
  });

  it('CSV: UTF-8 with a byte-order mark, CRLF, dd/mm/yyyy, formulas neutralised and undone by import-sheet', () => {
    const r = ws.run(['export', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\ufeffMã nhiệm vụ,Nội dung nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Số văn bản,Ngày văn bản,Ngày giao,Hạn xử lý,')).toBe(true);
    const lines = r.stdout.slice(1).split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^1,'=SUM\(A1:A9\) báo cáo,Văn phòng Sở,,84\/TB-SNgV,05\/10\/2026,05\/10\/2026,30\/11\/2026,/);
    expect(lines[2]).toContain('"Kiểm tra, đôn đốc; tổng hợp ""kết quả"" thực hiện",Thanh tra Sở,"Văn phòng Sở; Phòng Kế hoạch - Tài chính"');
    expect(lines[3]).toMatch(/^3,'\+Cập nhật danh mục,Phòng Kế hoạch - Tài chính,,,,20\/11\/2026,Thường xuyên,/);
    const target = freshWithUnits();
    expect(target.run(['import-sheet', ws.file('ra.csv', r.stdout)]).code).toBe(0);
    expect(target.json(['list']).map((t: any) => t.text)).toEqual(['=SUM(A1:A9) báo cáo', 'Kiểm tra, đôn đốc; tổng hợp "kết quả" thực hiện', '+Cập nhật danh mục']);
  });

  it('XLSX: typed date cells, a bold frozen header with a filter, widths, neutralised formulas', async () => {
    const file = path.join(ws.dir, 'ra.xlsx');
    expect(ws.run(['export', '--out', file]).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('Nhiệm vụ');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(2).width).toBe(60);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const due = sheet.getCell(2, headers.indexOf('Hạn xử lý') + 1);
    expect(due.value).toEqual(new Date('2026-11-30T00:00:00Z'));
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell(2, 1).value).toBe(1);
    expect(sheet.getCell(2, 2).value).toBe("'=SUM(A1:A9) báo cáo");
    expect(sheet.getCell(4, headers.indexOf('Hạn xử lý') + 1).value).toBe('Thường xuyên');
    expect(sheet.rowCount).toBe(4);
  });

  it('JSON: the list --json shape with every extension and the latest progress note', () => {
    expect(ws.run(['extend', '2', '--to', '31/12/2026', '--reason', 'Chờ ý kiến của Bộ']).code).toBe(0);
    expect(ws.run(['progress', '2', 'Đã gửi văn bản đôn đốc các phòng']).code).toBe(0);
    const exported = ws.json(['export']);
    const listed = ws.json(['list']);
    expect(exported.map(({ extensions: _e, progress: _p, ...task }: any) => task)).toEqual(listed);
    expect(exported[1].extensions).toEqual([{ from: '2026-12-15', to: '2026-12-31', reason: 'Chờ ý kiến của Bộ', on: TODAY, by: 'chuyenvien.vp' }]);
    expect(exported[1].progress).toEqual({ on: TODAY, note: 'Đã gửi văn bản đôn đốc các phòng' });
    expect(exported[0].progress).toBeNull();
  });

  it('--unit and --bucket choose the tasks', () => {
    expect(ws.json(['export', '--unit', 'thanh tra']).map((t: any) => t.id)).toEqual([2]);
    expect(ws.json(['export', '--bucket', 'ongoing']).map((t: any) => t.id)).toEqual([3]);
    expect(ws.json(['export', '--bucket', 'done_late'])).toEqual([]);
  });

  it('refuses an unknown format or unit in one line, leaving no file behind', () => {
    const out = path.join(ws.dir, 'khong-ghi.csv');
    const unit = ws.run(['export', '--format', 'csv', '--unit', 'Phòng KT', '--out', out]);
    expect(unit.code).toBe(1);
    expect(unit.stderr).toMatch(/^lỗi: không có đơn vị "Phòng KT"/);
    expect(fs.readdirSync(ws.dir).filter((f) => f.startsWith('khong-ghi'))).toEqual([]);
    const format = ws.run(['export', '--format', 'pdf']);
    expect(format.code).toBe(1);
    expect(format.stderr).toMatch(/^lỗi: định dạng không hỗ trợ: "pdf"/);
    expect(ws.run(['export']).code).toBe(2);
    const terminal = ws.run(['export', '--format', 'xlsx', '--out', path.join(ws.dir, 'khong-co', 'x.xlsx')]);
    expect(terminal.code).toBe(1);
    expect(terminal.stderr).toMatch(/^lỗi: không có thư mục/);
  });
});
