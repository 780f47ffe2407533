/**
 * `tasks import` on documents in the forms an office receives them: a kế hoạch whose tasks are in
 * an appendix table, a signed PDF, a hard-wrapped text, a Word 97 .doc, text in a legacy font,
 * a scan. The real CLI, a real SQLite file; every fixture is our own text.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';
import { makePdf } from '../helpers/documents.js';

const UNITS = path.join(ROOT, 'data', 'units-sample.json');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import');

function withUnits(today = '2026-04-20'): Workspace {
  const ws = workspace(today);
  expect(ws.run(['unit', 'import', UNITS]).code).toBe(0);
  return ws;
}

const row = (d: any) => [d.ordinal, d.lead, d.coordinating, d.due, d.schedule, d.flags];

describe('tasks import on real kinds of document', () => {
  it('a kế hoạch: the appendix table after "Nơi nhận" becomes one directive a row, the body list it repeats does not', () => {
    const ws = withUnits('2026-03-20');
    const result = ws.json(['import', path.join(FIXTURES, 'ke-hoach-phu-luc.docx'), '--dry-run']);
    expect(result.source).toMatchObject({ kind: 'KH', number: '48/KH-SNgV', issuedOn: '2026-03-16', title: 'Cải cách hành chính của Sở Ngoại vụ năm 2026' });
    expect(result.directives.map(row)).toEqual([
      ['III.1', ['VP'], [], null, 'recurring', []],
      ['PL.I.1', ['VP'], ['TTR'], '2026-06-30', 'once', []],
      ['PL.I.2', ['LS'], ['VP'], null, 'recurring', []],
      ['PL.I.2.2', ['TTDN'], [], '2026-12-31', 'once', []],
      ['PL.II.1', ['HTQT'], ['VP', 'LS'], null, 'once', ['no_deadline']],
    ]);
    expect(result.directives[2].recurrence).toBe('quarterly');
    expect(result.directives[3].text).toBe('Công khai thủ tục hành chính trên Cổng thông tin điện tử của Sở. Sản phẩm: Bản tin giới thiệu thủ tục bằng tiếng Anh');
    const texts = result.directives.map((d: any) => d.text).join('\n');
    // The closing formula, the signature and the plan's horizon are never directives.
    expect(texts).not.toMatch(/Trên đây là|GIÁM ĐỐC|95%/);
  });

  it('a signed PDF: the working days count from the signing date, the footnote is not a directive, evidence says where', () => {
    const ws = withUnits('2026-03-05');
    const result = ws.json(['import', path.join(FIXTURES, 'cong-van-mot-doan.pdf'), '--dry-run']);
    expect(result.source).toMatchObject({ number: '215/SNgV-VP', issuedOn: '2026-03-02', title: 'rà soát hồ sơ đoàn ra năm 2025' });
    expect(result.directives.map(row)).toEqual([['1', ['HTQT'], ['LS'], '2026-03-16', 'once', []]]);
    expect(result.directives[0].evidence).toEqual({
      owner: { words: 'Phòng Hợp tác quốc tế', page: 1, line: expect.any(Number) },
      timing: { words: 'trong 10 ngày làm việc kể từ ngày ký Công văn này', page: 1, line: expect.any(Number) },
    });
    expect(JSON.stringify(result)).not.toMatch(/Đầu mối/);
  });

  it('a hard-wrapped text with a page break: sentences joined, pages counted, a cited date and a horizon left alone, an impossible date flagged', () => {
    const ws = withUnits('2026-04-12');
    const result = ws.json(['import', path.join(FIXTURES, 'tb-ngat-dong.txt'), '--dry-run']);
    expect(result.source).toMatchObject({ kind: 'TB', number: '77/TB-SNgV', issuedOn: '2026-04-10', meetingOn: '2026-04-08' });
    expect(result.directives.map(row)).toEqual([
      ['1', ['VP'], ['TTR'], '2026-04-30', 'once', []],
      ['2', ['LS'], ['HTQT'], null, 'recurring', []],
      ['3', ['TTDN'], [], '2026-06-30', 'once', []],
      ['4', ['TTR'], [], null, 'once', ['deadline_invalid']],
    ]);
    expect(result.directives[1].text).toMatch(/kết quả giải quyết hồ sơ\.$/);
    expect(result.directives[2].evidence.owner).toEqual({ words: 'Phòng Thông tin đối ngoại', page: 2, line: 2 });
    expect(result.directives[3].evidence.timing.words).toBe('trước ngày 31/04/2026');
  });

  it('the review shows why: the words that decided owner and deadline, and where they stand', () => {
    const ws = withUnits('2026-04-12');
    const r = ws.run(['import', path.join(FIXTURES, 'tb-ngat-dong.txt'), '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('căn cứ thời hạn: “trong tháng 6/2026” (trang 2, dòng 2)');
    expect(r.stdout).toContain('ngày thời hạn không có thật, cần sửa');
  });

  it('a Word 97 .doc', () => {
    const ws = withUnits('2026-03-10');
    const result = ws.json(['import', path.join(ROOT, 'test', 'fixtures', 'doc', 'cong-van.doc'), '--dry-run']);
    expect(result.source).toMatchObject({ number: '12/UBND-KT', issuedOn: '2026-03-05' });
    expect(result.directives[0]).toMatchObject({ due: '2026-04-30', text: expect.stringMatching(/^Sở Khoa học và Công nghệ chủ trì/) });
  });

  it('text typed in the legacy TCVN3 font is read as Unicode', () => {
    const ws = withUnits('2026-10-20');
    const result = ws.json(['import', path.join(FIXTURES, 'tcvn3-ket-luan.txt'), '--dry-run']);
    expect(result.directives[0]).toMatchObject({ lead: ['VP'], coordinating: ['HTQT'], due: '2026-11-30' });
    expect(result.directives[0].text).toMatch(/^Văn phòng Sở chủ trì, phối hợp với Phòng Hợp tác quốc tế rà soát Quy chế làm việc/);
  });

  it('a scan (no text layer): one line saying so and what to do, exit 1, nothing written', () => {
    const ws = withUnits();
    const scan = ws.file('ban-scan.pdf', makePdf([]));
    const before = ws.snapshot();
    const r = ws.run(['import', scan, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/không có lớp chữ \(bản scan.*OCR/);
    expect(ws.snapshot()).toBe(before);
  });

  it('imports the kế hoạch for real: the appendix rows become tasks and series', () => {
    const ws = withUnits('2026-03-20');
    const r = ws.run(['import', path.join(FIXTURES, 'ke-hoach-phu-luc.docx'), '--yes']);
    expect(r.code, r.stderr).toBe(0);
    const tasks = ws.json(['list', '--source', '48/KH-SNgV']);
    expect([...new Set(tasks.map((t: any) => t.lead))].sort()).toEqual(['HTQT', 'LS', 'TTDN', 'VP']);
    expect(tasks.find((t: any) => t.lead === 'TTDN')).toMatchObject({ due: '2026-12-31', bucket: 'open_in_term' });
  });
});
