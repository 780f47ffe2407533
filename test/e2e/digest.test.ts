/**
 * `tasks digest`, `tasks stats` and `tasks overdue --format` on the hand-built November 2026
 * tracker (test/helpers/giao-ban.ts), through the real CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildGiaoBan, type GiaoBan } from '../helpers/giao-ban.js';

let g: GiaoBan;
let digest: any;

beforeAll(() => {
  g = buildGiaoBan();
  digest = g.ws.json(['digest', '--month', '2026-11']);
});

const ids = (tasks: { id: number }[]) => tasks.map((t) => t.id);

describe('figures as of the end of the month', () => {
  test('the period: as of the month end, the report dated --today, totals from 1 January', () => {
    expect(digest.period).toEqual({
      month: '2026-11',
      from: '2026-01-01',
      asOf: '2026-11-30',
      today: '2026-12-03',
      nextMonth: '2026-12',
      kind: 'month',
      start: '2026-11-01',
      end: '2026-11-30',
      next: { start: '2026-12-01', end: '2026-12-31' },
    });
  });

  test('totals: every bucket, assigned is their sum, the on-time rate a fraction', () => {
    expect(digest.totals).toEqual({
      assigned: 16,
      done_on_time: 4,
      done_late: 2,
      open_in_term: 4,
      open_overdue: 3,
      ongoing: 1,
      cancelled: 1,
      undated: 1,
      onTimeRate: 4 / 9,
    });
  });

  test('the per-unit table adds up to the totals, with each unit\'s rate', () => {
    const byCode = Object.fromEntries(digest.units.map((u: any) => [u.code, u]));
    // Worst first: most overdue, then the lowest on-time rate; --order registry keeps the registry's order.
    expect(digest.units.map((u: any) => u.code)).toEqual(['VP', 'LS', 'TTDN', 'TTR', 'HTQT']);
    expect(g.ws.json(['digest', '--month', '2026-11', '--order', 'registry']).units.map((u: any) => u.code)).toEqual(['VP', 'TTR', 'LS', 'HTQT', 'TTDN']);
    expect(byCode.VP).toMatchObject({ name: 'Văn phòng Sở', assigned: 4, done_on_time: 1, done_late: 1, open_overdue: 2, onTimeRate: 0.25 });
    expect(byCode.TTR).toMatchObject({ assigned: 3, done_on_time: 1, open_in_term: 1, cancelled: 1, onTimeRate: 1 });
    expect(byCode.LS).toMatchObject({ assigned: 4, done_on_time: 1, ongoing: 1, open_overdue: 1, open_in_term: 1, onTimeRate: 0.5 });
    expect(byCode.HTQT).toMatchObject({ assigned: 3, done_on_time: 1, open_in_term: 1, undated: 1, onTimeRate: 1 });
    expect(byCode.TTDN).toMatchObject({ assigned: 2, done_late: 1, open_in_term: 1, onTimeRate: 0 });
    for (const key of ['assigned', 'done_on_time', 'done_late', 'open_in_term', 'open_overdue', 'ongoing', 'cancelled', 'undated']) {
      expect(digest.units.reduce((a: number, u: any) => a + u[key], 0), key).toBe(digest.totals[key]);
    }
  });

  test('boundaries: done on the due date is on time; due on the as-of day is in term', () => {
    const find = (letter: 'B' | 'C') => digest.completedThisMonth.concat(digest.overdue).find((t: any) => t.id === g.id[letter]);
    expect(find('B').bucket).toBe('done_on_time');
    expect(find('C')).toBeUndefined(); // not overdue on 30/11
    const c = g.ws.json(['show', String(g.id.C)], { env: { TASKS_TODAY: '2026-11-30' } });
    expect(c.bucket).toBe('open_in_term');
  });

  test('extensions: granted before or on the due date they move it; one granted after the as-of day does not count yet', () => {
    const done = Object.fromEntries(digest.completedThisMonth.map((t: any) => [t.id, t]));
    expect(done[g.id.E]).toMatchObject({ bucket: 'done_late', due: '2026-11-25', originalDue: '2026-11-12', daysLate: 1 });
    expect(done[g.id.Q]).toMatchObject({ bucket: 'done_on_time', due: '2026-11-20', originalDue: '2026-11-08' });
    const r = digest.dueNextMonth.find((t: any) => t.id === g.id.R);
    expect(r.due).toBe('2026-12-05');
  });

  test('the overdue list: oldest first, whenever assigned, days late and the latest note up to the as-of day', () => {
    expect(ids(digest.overdue)).toEqual([g.id.K, g.id.A, g.id.F, g.id.M]);
    expect(digest.overdue.map((t: any) => t.daysLate)).toEqual([324, 46, 5, 2]);
    const a = digest.overdue[1];
    expect(a).toMatchObject({ lead: 'VP', source: { number: '84/TB-SNgV' }, due: '2026-10-15' });
    expect(a.latestNote).toMatchObject({ on: '2026-11-05', note: 'Đã dự thảo kế hoạch, đang lấy ý kiến các phòng' });
    expect(digest.overdue[0].latestNote).toBeNull();
  });

  test('completed this month, in completion order; October and after-the-as-of-day completions left out', () => {
    expect(ids(digest.completedThisMonth)).toEqual([g.id.G, g.id.B, g.id.Q, g.id.E]);
    expect(digest.completedThisMonth[0]).toMatchObject({ bucket: 'done_late', daysLate: 3, evidence: '150/BC-VP' });
  });

  test('extensions granted this month: old and new date, reason; none granted after the as-of day', () => {
    expect(digest.extensionsThisMonth.map((e: any) => [e.task.id, e.grantedOn, e.from, e.to])).toEqual([
      [g.id.Q, '2026-11-08', '2026-11-08', '2026-11-20'],
      [g.id.E, '2026-11-12', '2026-11-12', '2026-11-25'],
      [g.id.D, '2026-11-15', '2026-11-20', '2026-12-10'],
    ]);
    expect(digest.extensionsThisMonth[2].reason).toBe('Chờ ý kiến của Bộ Ngoại giao');
  });

  test('due next month: open tasks whose due date in force falls in December, earliest first', () => {
    expect(ids(digest.dueNextMonth)).toEqual([g.id.R, g.id.D, g.id.N]);
    expect(ids(digest.dueNextMonth)).not.toContain(g.id.L); // assigned after the as-of day
  });
});

describe('other views of the same month', () => {
  test('--today before the month end moves the as-of day', () => {
    const mid = g.ws.json(['digest', '--month', '2026-11'], { env: { TASKS_TODAY: '2026-11-20' } });
    expect(mid.period).toMatchObject({ asOf: '2026-11-20', today: '2026-11-20' });
    // E was still in term on the 20th (extended to the 25th); Q was done on the 15th.
    expect(ids(mid.completedThisMonth)).toEqual([g.id.G, g.id.B, g.id.Q]);
    expect(ids(mid.overdue)).toEqual([g.id.K, g.id.A]);
    expect(mid.totals.assigned).toBe(16);
  });

  test('--unit limits totals, table and lists to that unit', () => {
    const vp = g.ws.json(['digest', '--month', '2026-11', '--unit', 'van phong']);
    expect(vp.unitFilter).toEqual([{ code: 'VP', name: 'Văn phòng Sở' }]);
    expect(vp.units.map((u: any) => u.code)).toEqual(['VP']);
    expect(vp.totals).toMatchObject({ assigned: 4, onTimeRate: 0.25 });
    expect(ids(vp.overdue)).toEqual([g.id.K, g.id.A, g.id.F]);
    expect(vp.dueNextMonth).toEqual([]);
  });

  test('--from widens the totals to last year\'s assignments', () => {
    const wide = g.ws.json(['digest', '--month', '2026-11', '--from', '2025-12-01']);
    expect(wide.period.from).toBe('2025-12-01');
    expect(wide.totals).toMatchObject({ assigned: 17, open_overdue: 4, onTimeRate: 0.4 });
  });

  test('the terminal digest shows the four government buckets and fits 100 columns', () => {
    const r = g.ws.run(['digest', '--month', '2026-11']);
    expect(r.code).toBe(0);
    for (const label of ['Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Đang thực hiện trong hạn', 'Quá hạn (chưa hoàn thành)']) expect(r.stdout).toContain(label);
    expect(r.stdout).toContain('44,4%');
    expect(Math.max(...r.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(100);
  });
});

describe('refused input: one Vietnamese line, exit 1, no stack', () => {
  test.each([
    [['digest', '--month', '2026-13'], 'tháng không hợp lệ'],
    [['digest', '--month', '2027-01'], 'chưa bắt đầu'],
    [['digest', '--month', '2026-11', '--format', 'pdf'], 'định dạng không hỗ trợ'],
    [['digest', '--month', '2026-11', '--unit', 'Phòng Không Có'], ''],
    [['digest', '--month', '2026-11', '--out', 'khong-co/bao-cao.docx'], 'không có thư mục'],
    [['stats', '--from', '2026-12-01', '--to', '2026-11-01'], 'sau --to'],
  ])('%j', (args, message) => {
    const r = g.ws.run(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^lỗi: /);
    expect(r.stderr).toContain(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  test('--month is required (usage, exit 2), said in Vietnamese', () => {
    const r = g.ws.run(['digest']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lỗi: thiếu --month: báo cáo cho tháng nào? (ví dụ: tasks digest --month 2026-11)\n');
  });
});

describe('tasks stats: tasks due in a period', () => {
  test('counts tasks whose due date in force falls in [from, to], both days included', () => {
    const s = g.ws.json(['stats', '--from', '2026-11-01', '--to', '2026-11-30']);
    expect(s.period).toEqual({ from: '2026-11-01', to: '2026-11-30', asOf: '2026-12-03' });
    expect(s.totals).toEqual({ tasks: 8, done_on_time: 3, done_late: 2, open_in_term: 0, open_overdue: 2, ongoing: 0, cancelled: 1, undated: 0, onTimeRate: 3 / 7 });
    const ttr = s.units.find((u: any) => u.code === 'TTR');
    expect(ttr).toMatchObject({ tasks: 2, done_on_time: 1, cancelled: 1, onTimeRate: 1 });
  });

  test('the due date in force at --today decides: an extension granted later does not count yet', () => {
    const before = g.ws.json(['stats', '--from', '2026-12-01', '--to', '2026-12-10'], { env: { TASKS_TODAY: '2026-12-01' } });
    expect(before.totals).toMatchObject({ tasks: 2, open_in_term: 2 }); // R (05/12, extended on 02/12) and D (10/12)
    const after = g.ws.json(['stats', '--from', '2026-12-01', '--to', '2026-12-10'], { env: { TASKS_TODAY: '2026-12-03' } });
    expect(after.totals).toMatchObject({ tasks: 1, open_in_term: 1 }); // R now due 20/12
  });

  test('a one-day period on the first boundary', () => {
    const s = g.ws.json(['stats', '--from', '01/11/2026', '--to', '01/11/2026']);
    expect(s.totals).toMatchObject({ tasks: 1, done_on_time: 1 });
  });

  test('on a terminal: a table with the rate per unit', () => {
    const r = g.ws.run(['stats', '--from', '2026-11-01', '--to', '2026-11-30']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Thanh tra Sở');
    expect(r.stdout).toContain('42,9%');
  });
});

describe('files', () => {
  const out = (name: string) => path.join(g.ws.dir, name);

  test('DOCX: the Nghị định 30 layout in word/document.xml', async () => {
    g.ws.run(['config', 'set', 'org.place', 'Bình Định']);
    g.ws.run(['config', 'set', 'report.number', '125']);
    const r = g.ws.run(['digest', '--month', '2026-11', '--out', 'bao-cao.docx'], { env: { TASKS_TODAY: '2026-12-05' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('bao-cao.docx');
    const zip = await JSZip.loadAsync(fs.readFileSync(out('bao-cao.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    // A4 and the margins (twips): top/bottom 20 mm, left 30 mm, right 15 mm.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="1134"/);
    expect(xml).toMatch(/w:left="1701"/);
    expect(xml).toMatch(/w:right="851"/);
    // Every run in Times New Roman, body text 13–14 pt (Nơi nhận 11–12 pt as the decree sets).
    const fonts = [...xml.matchAll(/w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]);
    expect(fonts.length).toBeGreaterThan(50);
    expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
    const sizes = new Set([...xml.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1])));
    for (const size of sizes) expect([2, 22, 24, 26, 28]).toContain(size);
    // The header is a table in the body, issuing body left, Quốc hiệu right.
    const firstTable = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>'));
    const headerText = firstTable.replace(/<[^>]+>/g, '|');
    expect(headerText.indexOf('SỞ NGOẠI VỤ')).toBeLessThan(headerText.indexOf('VĂN PHÒNG'));
    expect(headerText.indexOf('VĂN PHÒNG')).toBeLessThan(headerText.indexOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    expect(headerText).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(headerText).toContain('Số: 125/BC-VP');
    expect(headerText).toContain('Bình Định, ngày 05 tháng 12 năm 2026');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Tình hình thực hiện nhiệm vụ do Giám đốc Sở giao tháng 11/2026');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('CHÁNH VĂN PHÒNG');
    // Real tables: header, eight sections, signer block.
    expect(xml.match(/<w:tbl>/g)).toHaveLength(10);
    expect(text).toContain('15/10/2026');
    expect(text).toContain('44,4%');
  });

  test('XLSX: typed cells, frozen header, neutralised formulas', async () => {
    g.ws.run(['edit', String(g.id.F), '--text', '=HYPERLINK("http://x","bấm vào")']);
    // Stored text that starts a cell: the reason of an extension.
    const ext = g.ws.run(['extend', String(g.id.N), '--to', '2027-01-15', '--reason', '=1+2'], { env: { TASKS_TODAY: '2026-11-25' } });
    expect(ext.code, ext.stderr).toBe(0);
    const r = g.ws.run(['digest', '--month', '2026-11', '--format', 'xlsx', '--out', out('so-lieu.xlsx')]);
    expect(r.code, r.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out('so-lieu.xlsx'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Theo đơn vị', 'Quá hạn', 'Hoàn thành trong tháng', 'Gia hạn trong tháng', 'Đến hạn tháng sau', 'Đề nghị chỉ đạo', 'Không cập nhật tiến độ']);
    const overdue = book.getWorksheet('Quá hạn')!;
    expect(overdue.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(overdue.getRow(5).getCell(5).value).toBe('Hạn xử lý');
    const due = overdue.getRow(7).getCell(5);
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect((due.value as Date).toISOString()).toBe('2026-10-15T00:00:00.000Z');
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect(overdue.getRow(7).getCell(6).value).toBe(46);
    const f = overdue.getRow(8).getCell(2);
    expect(f.type).toBe(ExcelJS.ValueType.String);
    expect(String(f.value)).toBe(`#${g.id.F}. =HYPERLINK("http://x","bấm vào")`);
    expect(overdue.getColumn(2).width).toBeGreaterThan(20);
    const extended = book.getWorksheet('Gia hạn trong tháng')!;
    const reason = extended.getRow(9).getCell(7);
    expect(reason.type).toBe(ExcelJS.ValueType.String);
    expect(reason.value).toBe("'=1+2");
    const units = book.getWorksheet('Theo đơn vị')!;
    const vp = units.getRow(6);
    expect(vp.getCell(2).value).toBe('Văn phòng Sở');
    expect(vp.getCell(3).value).toBe(4);
    expect(vp.getCell(11).value).toBe(0.25);
    expect(vp.getCell(11).numFmt).toBe('0.0%');
    // Printing: A4 landscape, one page wide, the header row on every page; the title, the period and the as-of line above the table.
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '5:5' });
      expect(String(sheet.getRow(1).getCell(1).value), sheet.name).toMatch(/^BÁO CÁO: Tình hình thực hiện nhiệm vụ .* — /);
      const above = [2, 3, 4].map((n) => String(sheet.getRow(n).getCell(1).value ?? ''));
      expect(above.some((l) => l.startsWith('Kỳ báo cáo: tháng 11/2026')), sheet.name).toBe(true);
      expect(above.some((l) => l.startsWith('Số liệu tính đến hết ngày 30/11/2026')), sheet.name).toBe(true);
      // Rows wrap and grow: no fixed height on any table row.
      for (let n = 5; n <= sheet.rowCount; n++) expect(sheet.getRow(n).height, `${sheet.name} row ${n}`).toBeUndefined();
    }
  });

  test('CSV: BOM, CRLF, quoting and formula neutralisation', () => {
    g.ws.run(['edit', String(g.id.A), '--text', '+Rà soát, "gấp"']);
    g.ws.run(['progress', String(g.id.F), '--', '-1 ngày công'], { env: { TASKS_TODAY: '2026-11-27' } });
    const r = g.ws.run(['overdue', '--format', 'csv', '--out', out('qua-han.csv')], { env: { TASKS_TODAY: '2026-11-30' } });
    expect(r.code, r.stderr).toBe(0);
    const bytes = fs.readFileSync(out('qua-han.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).toContain('\r\n');
    expect(text).toContain(`"#${g.id.A}. +Rà soát, ""gấp"""`);
    expect(text).toContain(`#${g.id.F}. =HYPERLINK`);
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);
    expect(text).toContain('Văn phòng Sở,84/TB-SNgV,15/10/2026,46,');
    expect(text).toContain(`,27/11/2026: -1 ngày công\r\n`);
    // A cell that begins with stored text: the reason of an extension, in the digest's CSV.
    g.ws.run(['extend', String(g.id.D), '--to', '2026-12-12', '--reason', '@SUM(A1)'], { env: { TASKS_TODAY: '2026-11-28' } });
    const digestCsv = g.ws.run(['digest', '--month', '2026-11', '--format', 'csv']).stdout;
    expect(digestCsv).toMatch(/,'@SUM\(A1\)\r\n/);
    expect(digestCsv).not.toMatch(/(^|,)[=+\-@]/m);
  });

  test('HTML: one self-contained UTF-8 page, stored text escaped', () => {
    g.ws.run(['progress', String(g.id.K), '<script>alert(1)</script> đã họp'], { env: { TASKS_TODAY: '2026-11-20' } });
    const r = g.ws.run(['digest', '--month', '2026-11', '--format', 'html']);
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; đã họp');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('Quá hạn (chưa hoàn thành)');
  });

  test('HTML: a bar per unit of the four buckets in inline SVG, figures from the digest; a print stylesheet', () => {
    const html = g.ws.run(['digest', '--month', '2026-11', '--format', 'html']).stdout;
    const svg = /<svg [^>]*>([\s\S]*?)<\/svg>/.exec(html)![0];
    expect(html).not.toMatch(/<script/i);
    const bars = [...svg.matchAll(/<g class="unit">([\s\S]*?)<\/g>/g)].map((m) => m[1]);
    const units = g.ws.json(['digest', '--month', '2026-11']).units.filter((u: any) => u.code !== null);
    expect(bars).toHaveLength(units.length);
    const labels: Record<string, string> = { done_on_time: 'Hoàn thành đúng hạn', done_late: 'Hoàn thành quá hạn', open_in_term: 'Đang thực hiện trong hạn', open_overdue: 'Quá hạn (chưa hoàn thành)' };
    for (const [i, u] of units.entries()) {
      expect(bars[i]).toContain(`>${u.name}</text>`);
      for (const [bucket, label] of Object.entries(labels)) {
        const title = `<title>${u.name}: ${label} ${u[bucket]}</title>`;
        if (u[bucket] > 0) expect(bars[i], `${u.code} ${bucket}`).toContain(title);
        else expect(bars[i]).not.toContain(`${label} `);
      }
    }
    // Widths on one scale: a unit's bar is as long as its four buckets' share of the largest.
    const width = (bar: string) => [...bar.matchAll(/<rect [^>]*width="([\d.]+)"/g)].reduce((a, m) => a + Number(m[1]), 0);
    const four = (u: any) => u.done_on_time + u.done_late + u.open_in_term + u.open_overdue;
    const max = Math.max(...units.map(four));
    for (const [i, u] of units.entries()) expect(width(bars[i])).toBeCloseTo((four(u) / max) * 380, 0);
    const print = /@media print \{([\s\S]*?)\n\}/.exec(html)![1];
    expect(print).toContain('thead { display: table-header-group; }');
    expect(print).toContain('page-break-inside: avoid');
  });

  test('Markdown: headings and a pipe table per section', () => {
    const r = g.ws.run(['digest', '--month', '2026-11', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## III. NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH');
    expect(r.stdout).toMatch(/\| 2 \| \\#\d+\. \+Rà soát, "gấp" \(đề nghị đưa vào giao ban\) \| Văn phòng Sở \| 84\/TB-SNgV \| 15\/10\/2026 \| 46 \|/);
  });

  test('the format follows the --out extension', () => {
    const r = g.ws.run(['overdue', '--out', out('qua-han.docx')]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(out('qua-han.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  test('tasks overdue --format json keeps the daily view\'s shape; --json is the same', () => {
    const a = g.ws.run(['overdue', '--format', 'json']);
    const b = g.ws.run(['overdue', '--json']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
    expect(JSON.parse(a.stdout)[0]).toHaveProperty('section', 'overdue');
    expect(g.ws.run(['overdue', '--out', out('qua-han.json')]).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out('qua-han.json'), 'utf8'))).toEqual(JSON.parse(a.stdout));
  });
});
