/**
 * `tasks import-sheet` end to end: the real CLI on a real SQLite file, an office's own CSV
 * (test/fixtures/sheets) and workbooks written here with exceljs as Excel would save them.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const CSV = path.join(ROOT, 'test', 'fixtures', 'sheets', 'theo-doi-vp-2026.csv');

function withUnits(): Workspace {
  const ws = workspace('2026-11-20');
  const r = ws.run(['unit', 'import', UNITS]);
  expect(r.code, r.stderr).toBe(0);
  return ws;
}

/** The rows of the fixture that cannot be taken, as the report must name them. */
const CSV_PROBLEMS = [
  "dòng 7: không có đơn vị 'Phòng KT'",
  "dòng 8: hạn xử lý không hợp lệ: '31/02/2026'",
  "dòng 9: tình trạng 'Đã hoàn thành' nhưng không có ngày hoàn thành",
  'dòng 12: thiếu nội dung nhiệm vụ',
];

describe('a CSV tracker with bad rows', () => {
  let ws: Workspace;
  beforeAll(() => {
    ws = withUnits();
  });

  it('lists every bad row by the row number the spreadsheet shows, imports nothing and exits 1', () => {
    const before = ws.snapshot();
    const r = ws.run(['import-sheet', CSV]);
    expect(r.code).toBe(1);
    for (const line of CSV_PROBLEMS) expect(r.stderr).toContain(`${line}\n`);
    expect(r.stderr).toMatch(/^lỗi: 4 dòng không nhập được; chưa ghi gì/m);
    expect(r.stderr).not.toMatch(/at .*\.(?:c?js|ts):\d+/);
    expect(ws.snapshot()).toBe(before);
    expect(ws.json(['list'])).toEqual([]);
  });

  it('--dry-run --json reports the header, the columns and the rows without writing', () => {
    const before = ws.snapshot();
    const r = ws.run(['import-sheet', CSV, '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ headerLine: 3, rows: 8, good: 4, tasks: 4, imported: false, dryRun: true, newSources: ['84/TB-SNgV'] });
    expect(report.bad.map((b: any) => b.line)).toEqual([7, 8, 9, 12]);
    expect(Object.fromEntries(report.columns.map((c: any) => [c.header, c.field]))).toMatchObject({
      'Nội dung nhiệm vụ': 'text',
      'Đơn vị chủ trì': 'lead',
      'Đơn vị phối hợp': 'coordinating',
      'Thời hạn': 'due',
      'Ngày hoàn thành': 'completedOn',
      'Tình trạng': 'status',
      'Số văn bản': 'source',
    });
    expect(ws.snapshot()).toBe(before);
  });

  it('--skip-bad takes the good rows: units by alias, ";" lists, serial and ISO dates, "Thường xuyên", quoted line breaks', () => {
    const r = ws.run(['import-sheet', CSV, '--skip-bad']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Đã nhập 4 dòng thành 4 nhiệm vụ');
    expect(r.stderr).toContain('bỏ qua 4 dòng lỗi');
    const tasks = ws.json(['list']);
    expect(tasks.map((t: any) => [t.lead, t.coordinating, t.due, t.ongoing, t.assignedOn, t.completedOn, t.bucket])).toEqual([
      ['HTQT', ['VP'], '2026-11-30', false, '2026-10-05', null, 'open_in_term'],
      ['VP', ['TTR', 'LS'], '2026-10-31', false, '2026-10-05', '2026-10-20', 'done_on_time'],
      ['LS', [], null, true, '2026-10-05', null, 'ongoing'],
      ['VP', [], '2026-12-20', false, '2026-10-05', null, 'open_in_term'],
    ]);
    expect(tasks[1].text).toBe('Rà soát, cập nhật Quy chế làm việc của Sở; trình Giám đốc trước khi ban hành');
    expect(tasks[0].source).toEqual({ number: '84/TB-SNgV', issuedOn: null });
    expect(tasks[3].text).toBe('=HYPERLINK("http://vi-du.invalid")');
  });

  it('records who imported each task, from which file and row, in the audit trail', () => {
    const shown = ws.json(['show', '2']);
    const added = shown.history.find((h: any) => h.action === 'task.add');
    expect(added.actor).toBe('chuyenvien.vp');
    expect(added.detail).toMatchObject({ sheet: 'theo-doi-vp-2026.csv', line: 5, lead: 'VP' });
    expect(shown.progress).toEqual([{ on: '2026-10-05', note: 'Ghi chú: Báo cáo số 215/BC-VP', by: 'chuyenvien.vp' }]);
  });

  it('refuses the same file a second time, so its tasks are not doubled; --again imports it all the same', () => {
    const before = ws.snapshot();
    const again = ws.run(['import-sheet', CSV, '--skip-bad']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^lỗi: tệp ".*theo-doi-vp-2026\.csv" đã được nhập ngày \d\d\/\d\d\/\d{4} \(nhiệm vụ số 1–4\); nhập lại sẽ tạo nhiệm vụ trùng \(nếu thật sự cần nhập lần nữa, thêm --again\)$/m);
    expect(ws.snapshot()).toBe(before);
    const preview = ws.run(['import-sheet', CSV, '--dry-run']);
    expect(preview.code).toBe(0);
    expect(preview.stderr).toContain('Chính tệp này đã được nhập ngày');
    const forced = ws.run(['import-sheet', CSV, '--skip-bad', '--again']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(ws.json(['list'])).toHaveLength(8);
  });
});

/** A workbook as an office keeps it: a guide sheet first, then the list under a merged title. */
async function trackerWorkbook(file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Hướng dẫn').addRow(['Nhập nhiệm vụ vào trang "Nhiệm vụ 2026"; hạn xử lý ghi theo ngày.']);
  const sheet = book.addWorksheet('Nhiệm vụ 2026');
  sheet.addRow(['SỞ NGOẠI VỤ — BẢNG THEO DÕI NHIỆM VỤ']);
  sheet.mergeCells('A1:F1');
  sheet.addRow([]);
  sheet.addRow(['TT', 'Nội dung công việc', 'Đơn vị thực hiện', 'Hạn hoàn thành (ngày)', 'Ngày hoàn thành thực tế', 'Số hiệu văn bản']);
  const dated = (iso: string) => new Date(`${iso}T00:00:00Z`);
  sheet.addRow([1, 'Chuẩn bị nội dung làm việc với Đoàn công tác của tỉnh bạn', 'Hợp tác quốc tế', dated('2026-12-15'), null, '112/TB-SNgV']);
  sheet.addRow([2, { richText: [{ text: 'Báo cáo ' }, { font: { bold: true }, text: 'công tác lãnh sự' }, { text: ' năm 2026' }] }, 'LS', 46387, null, '112/TB-SNgV']);
  sheet.addRow([3, 'Tổng hợp danh sách đoàn ra quý IV', 'các phòng có thủ tục hành chính', '2026-12-31', null, null]);
  sheet.addRow([4, 'Rà soát hồ sơ lưu trữ năm 2025', 'Văn phòng Sở', dated('2026-10-31'), dated('2026-10-28'), null]);
  sheet.addRow([5, 'Tính số ngày còn lại', 'VP', { formula: 'DATE(2026,12,1)', result: dated('2026-12-01') }, null, null]);
  sheet.getColumn(4).numFmt = 'dd/mm/yyyy';
  sheet.getColumn(5).numFmt = 'dd/mm/yyyy';
  sheet.getCell('D5').numFmt = 'General';
  await book.xlsx.writeFile(file);
}

describe('an XLSX tracker', () => {
  let ws: Workspace;
  let file: string;
  beforeAll(async () => {
    ws = withUnits();
    file = path.join(ws.dir, 'theo-doi-2026.xlsx');
    await trackerWorkbook(file);
  });

  it('reads the first sheet unless told; a sheet without a task header is refused in one line', () => {
    const r = ws.run(['import-sheet', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^lỗi: không tìm thấy dòng tiêu đề có cột nội dung nhiệm vụ/);
  });

  it('names the sheets when --sheet names none of them', () => {
    const r = ws.run(['import-sheet', file, '--sheet', 'Nhiệm vụ 2025']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('không có trang tính "Nhiệm vụ 2025"');
    expect(r.stderr).toContain('Hướng dẫn; Nhiệm vụ 2026');
  });

  it('takes real date cells, a serial number, a text date, rich text, a formula result and a group as lead', () => {
    const r = ws.run(['import-sheet', file, '--sheet', 'nhiem vu 2026', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ headerLine: 3, rows: 5, good: 5, tasks: 6, imported: true, bad: [] });
    const tasks = ws.json(['list']);
    expect(tasks.map((t: any) => [t.text, t.lead, t.due, t.completedOn, t.source?.number ?? null])).toEqual([
      ['Chuẩn bị nội dung làm việc với Đoàn công tác của tỉnh bạn', 'HTQT', '2026-12-15', null, '112/TB-SNgV'],
      ['Báo cáo công tác lãnh sự năm 2026', 'LS', '2026-12-31', null, '112/TB-SNgV'],
      ['Tổng hợp danh sách đoàn ra quý IV', 'LS', '2026-12-31', null, null],
      ['Tổng hợp danh sách đoàn ra quý IV', 'HTQT', '2026-12-31', null, null],
      ['Rà soát hồ sơ lưu trữ năm 2025', 'VP', '2026-10-31', '2026-10-28', null],
      ['Tính số ngày còn lại', 'VP', '2026-12-01', null, null],
    ]);
    // No "Ngày giao" and no source date: assigned by the earliest day the row gives, never after today.
    expect(tasks[4].assignedOn).toBe('2026-10-28');
    expect(tasks[0].assignedOn).toBe('2026-11-20');
  });
});

describe('--map', () => {
  it('names columns the usual names miss, by header or by letter', async () => {
    const ws = withUnits();
    const file = ws.file(
      'danh-sach.csv',
      '\ufeffViệc cần làm,Phòng phụ trách,Ngày phải xong,Người theo dõi\r\nLập danh sách khách mời Hội nghị,Văn phòng,15/12/2026,chuyên viên A\r\n',
    );
    const unmapped = ws.run(['import-sheet', file]);
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toContain('--map');
    const r = ws.run(['import-sheet', file, '--map', 'Việc cần làm=text,B=lead,Ngày phải xong=due,Người theo dõi=ignore', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).unread).toEqual(['Người theo dõi']);
    expect(ws.json(['list']).map((t: any) => [t.text, t.lead, t.due])).toEqual([['Lập danh sách khách mời Hội nghị', 'VP', '2026-12-15']]);
  });

  it('refuses a field it does not know, naming the fields', () => {
    const ws = withUnits();
    const r = ws.run(['import-sheet', CSV, '--map', 'Nội dung=noidung']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^lỗi: --map không hiểu "Nội dung=noidung" \(viết "Tiêu đề cột=trường", trường là một trong: no, id, text, lead/);
  });
});

describe('files that are not trackers', () => {
  let ws: Workspace;
  beforeAll(() => {
    ws = withUnits();
  });
  const refused = (file: string, message: RegExp) => {
    const before = ws.snapshot();
    const r = ws.run(['import-sheet', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(ws.snapshot()).toBe(before);
  };

  it('a missing file, an empty one, an old .xls', () => {
    refused(path.join(ws.dir, 'khong-co.xlsx'), /^lỗi: không có tệp ".*khong-co\.xlsx"/);
    refused(ws.file('rong.csv', ''), /^lỗi: tệp ".*rong\.csv" rỗng/);
    refused(ws.file('cu.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), /^lỗi: chưa đọc được tệp \.xls \(mở tệp trong Excel/);
  });

  it('a text file named .xlsx, a broken zip, a UTF-16 CSV, a legacy-encoded CSV', () => {
    refused(ws.file('gia.xlsx', 'Nội dung,Đơn vị\n'), /^lỗi: tệp ".*gia\.xlsx" không phải bảng tính Excel/);
    refused(ws.file('hong.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 7)])), /^lỗi: tệp ".*hong\.xlsx" không phải bảng tính Excel/);
    refused(ws.file('utf16.csv', Buffer.from('\ufeffNội dung,Đơn vị\r\n', 'utf16le')), /^lỗi: tệp ".*utf16\.csv" không phải CSV/);
    refused(ws.file('tcvn3.csv', Buffer.from([0x4e, 0xe9, 0x69, 0x20, 0x64, 0x75, 0x6e, 0x67, 0x0a])), /^lỗi: tệp ".*tcvn3\.csv" không phải UTF-8/);
  });

  it('a file over 200 MB is refused before it is read', () => {
    const big = path.join(ws.dir, 'qua-lon.csv');
    fs.writeFileSync(big, 'Nội dung\n');
    fs.truncateSync(big, 200 * 1024 * 1024 + 1);
    refused(big, /^lỗi: tệp ".*qua-lon\.csv" quá lớn \(201 MB, tối đa 200 MB\)/);
    fs.rmSync(big);
  });

  it('a sheet with a header and no rows under it', () => {
    refused(ws.file('chi-tieu-de.csv', 'STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Hạn xử lý\r\n,,,\r\n'), /^lỗi: bảng trong ".*chi-tieu-de\.csv" không có dòng nhiệm vụ nào/);
  });
});

describe('a large workbook', () => {
  it('reads every Vietnamese letter whole, also where the XML stream splits one between two chunks', async () => {
    const ws = withUnits();
    const file = path.join(ws.dir, 'lon.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Nhiệm vụ');
    sheet.addRow(['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Hạn xử lý']);
    const texts: string[] = [];
    for (let i = 1; i <= 2500; i++) {
      const text = `Rà soát, đánh giá việc thực hiện Nghị quyết số ${i}/NQ-HĐND về hợp tác quốc tế; đề xuất điều chỉnh, bổ sung những nội dung chưa phù hợp`;
      texts.push(text);
      sheet.addRow([i, text, i % 2 ? 'Phòng Hợp tác quốc tế' : 'Thông tin đối ngoại', new Date('2026-12-31T00:00:00Z')]);
    }
    // Inline strings, as exceljs's streaming writer and many other tools write them.
    await book.xlsx.writeFile(file, { useSharedStrings: false } as never);
    const r = ws.run(['import-sheet', file]);
    expect(r.code, r.stderr).toBe(0);
    const tasks = ws.json(['list']);
    expect(tasks.map((t: any) => t.text)).toEqual(texts);
    expect(tasks.filter((t: any) => t.lead === 'HTQT')).toHaveLength(1250);
  });
});
