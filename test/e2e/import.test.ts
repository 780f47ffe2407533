/** `tasks import` end to end: the real CLI, a real SQLite file, files of every kind. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SHARED, workspace, type Workspace } from '../helpers/cli.js';
import { makeDocx, makePdf } from '../helpers/documents.js';

const SAMPLE_UNITS = path.join(ROOT, 'data', 'units-sample.json');
const SAMPLE = path.join(ROOT, 'data', 'ket-luan-mau.txt');
const NOTICE = path.join(ROOT, 'test', 'fixtures', 'thong-bao-112.txt');
const REFERENCE = path.join(SHARED, 'reference', 'ket-luan-2021-06-24-so-ngoai-vu.txt');
const REFERENCE_UNITS = path.join(SHARED, 'reference', 'units-so-ngoai-vu.json');
const hasReference = fs.existsSync(REFERENCE) && fs.existsSync(REFERENCE_UNITS);
if (!hasReference) console.warn(`Bỏ qua kiểm thử kết luận thật: không có ${REFERENCE}`);

function withUnits(units = SAMPLE_UNITS, today?: string): Workspace {
  const ws = workspace(today);
  const r = ws.run(['unit', 'import', units]);
  expect(r.code, r.stderr).toBe(0);
  return ws;
}

describe.skipIf(!hasReference)('the real conclusion of 24/6/2021', () => {
  let ws: Workspace;
  let result: any;
  beforeAll(() => {
    ws = withUnits(REFERENCE_UNITS, '2021-07-08');
    result = ws.json(['import', REFERENCE, '--dry-run']);
  });

  it('gives 12 directives and 25 tasks, none from the report part', () => {
    expect(result.directives).toHaveLength(12);
    expect(result.taskCount).toBe(25);
    expect(result.alreadyImported).toBe(false);
    const texts = result.directives.map((d: any) => d.text).join('\n');
    expect(texts).not.toMatch(/Thứ nhất|Một là|Nguyên nhân/);
    expect(result.source).toMatchObject({ meetingOn: '2021-06-24', number: null });
  });

  it('fans "Các đơn vị thuộc Sở" (1)–(3) out to four units; (1) is due at the year end, (2) and (3) are not dated', () => {
    const [one, two, three] = result.directives;
    expect([one.ordinal, two.ordinal, three.ordinal]).toEqual(['1.(1)', '1.(2)', '1.(3)']);
    for (const d of [one, two, three]) expect(d.lead).toEqual(['VP', 'TTR', 'LS', 'HTQT']);
    expect(one.text).toMatch(/984\/KH-SNgV/);
    expect(one).toMatchObject({ due: '2021-12-31', schedule: 'once' });
    for (const d of [two, three]) {
      expect(d.due).toBeNull();
      expect(['ongoing', 'recurring']).toContain(d.schedule);
    }
  });

  it('gives "Văn phòng Sở" (1)–(6) to VP; (1) by the year end; (6) with the other units coordinating', () => {
    const office = result.directives.filter((d: any) => d.ordinal.startsWith('2.'));
    expect(office.map((d: any) => d.ordinal)).toEqual(['2.(1)', '2.(2)', '2.(3)', '2.(4)', '2.(5)', '2.(6)']);
    for (const d of office) expect(d.lead).toEqual(['VP']);
    expect(office[0].due).toBe('2021-12-31');
    expect(office[5].coordinating).toEqual(['TTR', 'LS', 'HTQT']);
  });

  it('gives the e-mail item to every unit and the last item to LS and HTQT despite the typo', () => {
    const mail = result.directives.find((d: any) => /email công vụ/.test(d.text));
    expect(mail.lead).toEqual(['VP', 'TTR', 'LS', 'HTQT']);
    const last = result.directives.at(-1);
    expect(last.text).toMatch(/^nh đạo các Phòng Lãnh sự/);
    expect(last.lead).toEqual(['LS', 'HTQT']);
    const web = result.directives.find((d: any) => /cán bộ quản trị mạng kịp thời/.test(d.text));
    expect(web.lead).toEqual(['VP']);
  });

  it('imports them, once', () => {
    const first = ws.json(['import', REFERENCE, '--yes']);
    expect(first.taskCount).toBe(25);
    expect(ws.json(['list'])).toHaveLength(25);
    const again = ws.run(['import', REFERENCE, '--yes', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ alreadyImported: true, taskCount: 0 });
    expect(again.stderr).toMatch(/đã được nhập/);
    expect(ws.json(['list'])).toHaveLength(25);
  });
});

describe('tasks import', () => {
  it('imports the sample conclusion shipped in data/', () => {
    const ws = withUnits(SAMPLE_UNITS, '2026-10-12');
    const result = ws.json(['import', SAMPLE, '--yes']);
    expect(result.directives).toHaveLength(9);
    expect(result.taskCount).toBe(14);
    expect(ws.json(['list']).filter((t: any) => t.lead === null).map((t: any) => t.ownerText)).toEqual(['Sở Du lịch', null]);
  });

  it('writes nothing with --dry-run: the database bytes stay the same', () => {
    const ws = withUnits();
    ws.run(['list']);
    const before = ws.snapshot();
    const r = ws.run(['import', NOTICE, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1\.a {2}Chủ trì, phối hợp với Thanh tra Sở/);
    expect(r.stderr).toMatch(/chưa ghi gì/);
    expect(ws.snapshot()).toBe(before);
    expect(ws.json(['list'])).toEqual([]);
  });

  it('imports a notice: unassigned tasks wait in "tasks due", recurring items become series', () => {
    const ws = withUnits(SAMPLE_UNITS, '2026-03-20');
    const result = ws.json(['import', NOTICE, '--yes']);
    expect(result.source).toMatchObject({ number: '112/TB-SNgV', kind: 'TB', issuedOn: '2026-03-14', meetingOn: '2026-03-10' });
    expect(result.taskCount).toBe(20);
    const quarterly = result.directives.find((d: any) => d.ordinal === '1.b');
    expect(quarterly).toMatchObject({ schedule: 'recurring', recurrence: 'quarterly', due: null });
    const tasks = ws.json(['list']);
    expect(tasks.find((t: any) => t.series)).toMatchObject({ lead: 'VP', due: '2026-03-20', series: { every: 'quarter', period: '2026-Q1' } });
    const due = ws.json(['due']);
    const unassigned = due.filter((t: any) => t.lead === null);
    expect(unassigned.map((t: any) => t.ownerText)).toEqual(expect.arrayContaining(['Sở Tài chính', null]));
    const id = unassigned.find((t: any) => t.ownerText === 'Sở Tài chính').id;
    expect(ws.run(['edit', String(id), '--unit', 'VP']).code).toBe(0);
    expect(ws.json(['show', String(id)])).toMatchObject({ lead: 'VP', ownerText: null });
  });

  it('assigns unowned items with --fallback-unit and undated ones with --default-due', () => {
    const ws = withUnits(SAMPLE_UNITS, '2026-03-20');
    const result = ws.json(['import', NOTICE, '--dry-run', '--fallback-unit', 'VP', '--default-due', '30/12/2026']);
    const unknown = result.directives.find((d: any) => d.ordinal === '6');
    expect(unknown).toMatchObject({ lead: ['VP'], due: '2026-12-30', flags: ['unknown_owner', 'no_deadline'] });
    expect(result.directives.find((d: any) => d.ordinal === '8').lead).toEqual(['VP']);
  });

  it('takes --number, --issued, --meeting-date and --kind over the text', () => {
    const ws = withUnits();
    const result = ws.json(['import', NOTICE, '--dry-run', '--number', '99/KL-SNgV', '--issued', '2026-03-01', '--meeting-date', '2026-02-27', '--kind', 'KL']);
    expect(result.source).toMatchObject({ number: '99/KL-SNgV', issuedOn: '2026-03-01', meetingOn: '2026-02-27', kind: 'KL' });
  });

  it('reads a .docx made by Word-like tools and a .pdf with a text layer', async () => {
    const ws = withUnits();
    const lines = ['THÔNG BÁO', 'Kết luận cuộc họp', 'Giám đốc Sở giao nhiệm vụ như sau:', '1. Thanh tra Sở kiểm tra hồ sơ trước ngày 15/12/2026.', '2. Phòng Lãnh sự thường xuyên hướng dẫn công dân.'];
    const docx = ws.file('ket-luan.docx', await makeDocx(lines));
    const fromDocx = ws.json(['import', docx, '--dry-run']);
    expect(fromDocx.directives.map((d: any) => [d.lead, d.due, d.schedule])).toEqual([
      [['TTR'], '2026-12-15', 'once'],
      [['LS'], null, 'ongoing'],
    ]);
    const pdf = ws.file('ket-luan.pdf', makePdf(['Giam doc So giao nhiem vu nhu sau:', '1. Thanh tra So kiem tra ho so truoc ngay 15/12/2026.', '2. Phong Lanh su thuong xuyen huong dan cong dan.']));
    const fromPdf = ws.json(['import', pdf, '--dry-run']);
    expect(fromPdf.directives.map((d: any) => [d.lead, d.due])).toEqual([
      [['TTR'], '2026-12-15'],
      [['LS'], null],
    ]);
  });

  it('reads the list numbers Word keeps out of the text', async () => {
    const ws = withUnits();
    const docx = ws.file(
      'danh-so-tu-dong.docx',
      await makeDocx([
        'Giám đốc Sở giao nhiệm vụ như sau:',
        { text: 'Văn phòng Sở:', level: 0 },
        { text: 'lập danh mục hồ sơ trước ngày 10/12/2026;', level: 1 },
        { text: 'thường xuyên cập nhật phần mềm.', level: 1 },
        { text: 'Thanh tra Sở kiểm tra việc lưu trữ.', level: 0 },
      ]),
    );
    const result = ws.json(['import', docx, '--dry-run']);
    expect(result.directives.map((d: any) => [d.ordinal, d.lead, d.schedule])).toEqual([
      ['1.a', ['VP'], 'once'],
      ['1.b', ['VP'], 'ongoing'],
      ['2', ['TTR'], 'once'],
    ]);
  });

  it('reads a table of tasks in a .docx', async () => {
    const ws = withUnits();
    const docx = ws.file(
      'phu-luc.docx',
      await makeDocx([
        'Phụ lục: phân công thực hiện kết luận',
        {
          table: [
            ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn hoàn thành'],
            ['1', 'Rà soát quy chế làm việc', 'Văn phòng Sở', 'Thanh tra Sở', '30/11/2026'],
            ['2', 'Cập nhật tin bài đối ngoại', 'Phòng TTĐN', '', 'Thường xuyên'],
            ['3', 'Bố trí kinh phí đoàn ra', 'Sở Tài chính', 'Văn phòng Sở', 'Quý I/2027'],
          ],
        },
      ]),
    );
    const result = ws.json(['import', docx, '--dry-run']);
    expect(result.directives.map((d: any) => [d.ordinal, d.lead, d.coordinating, d.due, d.schedule, d.flags])).toEqual([
      ['1', ['VP'], ['TTR'], '2026-11-30', 'once', []],
      ['2', ['TTDN'], [], null, 'ongoing', []],
      ['3', [], ['VP'], '2027-03-31', 'once', ['unknown_owner']],
    ]);
  });

  it('reads Markdown and UTF-16 text', () => {
    const ws = withUnits();
    const md = ws.file('kl.md', '# Kết luận\n\nGiám đốc Sở yêu cầu:\n\n1. **Văn phòng Sở** rà soát hồ sơ trước ngày 30/12/2026.\n');
    expect(ws.json(['import', md, '--dry-run']).directives[0]).toMatchObject({ lead: ['VP'], due: '2026-12-30', text: 'Văn phòng Sở rà soát hồ sơ trước ngày 30/12/2026.' });
    const utf16 = ws.file('kl16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Giám đốc Sở yêu cầu:\n1. Thanh tra Sở kiểm tra.', 'utf16le')]));
    expect(ws.json(['import', utf16, '--dry-run']).directives[0].lead).toEqual(['TTR']);
  });

  it.each([
    ['missing', (ws: Workspace) => path.join(ws.dir, 'khong-co.txt'), /không có tệp/],
    ['empty', (ws: Workspace) => ws.file('rong.txt', ''), /rỗng/],
    ['binary', (ws: Workspace) => ws.file('anh.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a])), /nhị phân/],
    ['over 5 MB', (ws: Workspace) => ws.file('lon.txt', 'a'.repeat(5 * 1024 * 1024 + 1)), /quá lớn/],
    ['a scanned PDF', (ws: Workspace) => ws.file('scan.pdf', makePdf([])), /không có lớp chữ/],
    ['an old .doc', (ws: Workspace) => ws.file('cu.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x41])), /Word cũ/],
    ['text with no directive', (ws: Workspace) => ws.file('bao-cao.txt', 'Báo cáo tình hình tháng 10.\nCác đơn vị đã hoàn thành nhiệm vụ.'), /không tìm thấy ý kiến chỉ đạo/],
  ])('refuses %s with one line, exit 1, nothing written', (_name, make, message) => {
    const ws = withUnits();
    const before = ws.snapshot();
    const r = ws.run(['import', make(ws), '--yes']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(ws.snapshot()).toBe(before);
  });

  it('refuses to guess owners before any unit is known', () => {
    const ws = workspace();
    const r = ws.run(['import', SAMPLE, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/chưa có danh sách đơn vị.*tasks unit import/);
  });

  it('undoes an import until a task has progress', () => {
    const ws = withUnits(SAMPLE_UNITS, '2026-03-20');
    ws.json(['import', NOTICE, '--yes']);
    expect(ws.run(['import', '--undo', '112/TB-SNgV']).code).toBe(0);
    expect(ws.json(['list'])).toEqual([]);
    ws.json(['import', NOTICE, '--yes']);
    const [first] = ws.json(['list']);
    expect(ws.run(['progress', String(first.id), 'Đã dự thảo xong']).code).toBe(0);
    const refused = ws.run(['import', '--undo', '112/TB-SNgV']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/không hủy được/);
    expect(ws.json(['list']).length).toBeGreaterThan(0);
  });

  it('knows a source with no number again by its content', () => {
    const ws = withUnits();
    const file = ws.file('kl.txt', 'Giám đốc Sở yêu cầu:\n1. Thanh tra Sở kiểm tra hồ sơ.');
    expect(ws.json(['import', file, '--yes']).taskCount).toBe(1);
    const copy = ws.file('kl-ban-sao.txt', '\ufeffGiám đốc Sở yêu cầu:\r\n1. Thanh tra Sở kiểm tra hồ sơ.\r\n');
    expect(ws.json(['import', copy, '--yes'])).toMatchObject({ alreadyImported: true, taskCount: 0 });
  });
});
