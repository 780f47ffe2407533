/**
 * Whole conclusions the parser was not written against: other numbering, other phrasings,
 * other owners. Each row is what a careful reader of the fixture would record.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../src/domain/working-days.js';
import { parseConclusion } from '../../src/import/parse-conclusion.js';
import type { Timing } from '../../src/import/types.js';
import { ROOT } from '../helpers/cli.js';
import { registryFile } from '../helpers/registry.js';

const registry = registryFile(path.join(ROOT, 'data', 'units-sample.json'));
const calendar = makeCalendar({ off: [], workdays: [] });

function parse(file: string, today = '2026-11-20') {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return parseConclusion(text, { registry, calendar, today, overrides: {} });
}

function when(timing: Timing | null): string {
  if (!timing) return '-';
  if (timing.kind === 'due') return timing.due;
  if (timing.kind === 'ongoing') return 'ongoing';
  return `${timing.every}${timing.day ? `@${timing.day}` : ''}`;
}

function rows(file: string): string[] {
  return parse(file).directives.map((d) => `${d.ordinal} ${d.owners.lead.map((u) => u.code).join('+') || '∅'} ${when(d.timing)} ${d.flags.join(',')}`.trim());
}

describe('whole conclusions', () => {
  it('the sample in data/, written like the real one: "- Owner: (1)…; (2)…", report left out', () => {
    expect(parse('data/ket-luan-mau.txt').source).toEqual({
      kind: 'KL',
      number: null,
      issuer: null,
      issuedOn: null,
      meetingOn: '2026-10-07',
      chair: 'Giám đốc Sở Ngoại vụ',
      title: 'Kết luận của Giám đốc Sở Ngoại vụ tại cuộc họp sơ kết công tác thông tin đối ngoại 9 tháng đầu năm 2026',
    });
    expect(rows('data/ket-luan-mau.txt')).toEqual([
      '1.(1) TTDN 2026-11-30',
      '1.(2) TTDN ongoing',
      '1.(3) TTDN 2026-12-15',
      '2.(1) VP 2026-12-31',
      '2.(2) VP quarter@20',
      '3 VP+TTR+LS+HTQT+TTDN ongoing',
      '4 LS+HTQT 2026-12-31 fuzzy_owner',
      '5 ∅ 2026-12-31 unknown_owner',
      '6 ∅ 2026-12-31 no_owner',
    ]);
  });

  it('a formal notice: sections, letters, pluses, groups, typo, unknown body, working days', () => {
    expect(parse('test/fixtures/thong-bao-112.txt').source).toEqual({
      kind: 'TB',
      number: '112/TB-SNgV',
      issuer: 'SNgV',
      issuedOn: '2026-03-14',
      meetingOn: '2026-03-10',
      chair: 'Giám đốc Sở',
      title: 'Kết luận của Giám đốc Sở tại cuộc họp giao ban công tác quý I năm 2026',
    });
    expect(rows('test/fixtures/thong-bao-112.txt')).toEqual([
      '1.a VP 2026-04-30',
      '1.b VP quarter@20',
      '1.c VP 2026-06-30',
      '2 LS 2026-05-15',
      '3 HTQT 2026-03-27',
      '4 TTDN ongoing fuzzy_owner',
      '5 LS+HTQT 2026-06-30',
      '6 ∅ - unknown_owner,no_deadline',
      '7.1 VP+TTR+LS+HTQT+TTDN - no_deadline',
      '7.2 VP+TTR+LS+HTQT+TTDN 2026-06-05',
      '8 ∅ - no_owner,no_deadline',
    ]);
    const unknown = parse('test/fixtures/thong-bao-112.txt').directives.find((d) => d.ordinal === '6');
    expect(unknown?.owners.ownerText).toBe('Sở Tài chính');
  });

  it('a công văn numbered "1)" with dotted and dashed dates and a closing call', () => {
    const proposal = parse('test/fixtures/cong-van-ubnd.txt');
    expect(proposal.source).toMatchObject({ kind: 'CV', number: '2750/UBND-NC', issuedOn: '2026-06-05' });
    expect(rows('test/fixtures/cong-van-ubnd.txt')).toEqual([
      '1 HTQT 2026-07-20',
      '2 VP half-year',
      '3 TTR 2026-09-30',
      '4 LS year@15',
      '5 ∅ - unknown_owner,no_deadline',
      '6 ∅ 2026-09-30 no_owner',
    ]);
    expect(proposal.directives[0].owners.coordinating.map((u) => u.code)).toEqual(['LS']);
  });

  it('bullets, one directive a line, working days counted from the meeting', () => {
    expect(parse('test/fixtures/mot-dong-mot-viec.txt').source).toMatchObject({ meetingOn: '2026-09-28', chair: 'Phó Giám đốc Sở', number: null });
    expect(rows('test/fixtures/mot-dong-mot-viec.txt')).toEqual([
      '1 TTDN 2026-10-10',
      '2 VP 2026-10-31',
      '3 TTR 2026-10-05',
      '4 ∅ 2026-10-15 unknown_owner',
    ]);
  });

  it('"a." sections holding an inline "(1)… (2)…" run', () => {
    expect(rows('test/fixtures/inline-a-b.txt')).toEqual([
      'a.(1) LS 2026-11-30',
      'a.(2) LS month',
      'a.(3) LS - no_deadline',
      'b VP 2026-12-31',
      'c TTR quarter',
    ]);
  });

  it('"Chủ trì:", "phối hợp:", "Thời hạn:" written as fields under "1.1." items', () => {
    expect(rows('test/fixtures/truong-chu-tri-thoi-han.txt')).toEqual(['1.1 VP 2026-11-30', '1.2 HTQT 2026-12-31', '1.3 TTDN 2026-12-31']);
    expect(parse('test/fixtures/truong-chu-tri-thoi-han.txt').directives[0].owners.coordinating.map((u) => u.code)).toEqual(['TTR']);
  });

  it('a provincial office\'s notice: appraisal left out, bodies outside the registry kept unassigned', () => {
    const proposal = parse('test/fixtures/tb-van-phong-ubnd.txt');
    expect(proposal.source).toMatchObject({ number: '415/TB-VP', issuedOn: '2026-09-21', meetingOn: '2026-09-18', chair: 'Phó Chủ tịch UBND tỉnh' });
    expect(rows('test/fixtures/tb-van-phong-ubnd.txt')).toEqual(['a ∅ 2026-11-15 unknown_owner', 'b VP quarter', 'c ∅ - unknown_owner,no_deadline']);
  });

  it('applies a section deadline to the items under it that have none', () => {
    const text = 'Giám đốc Sở giao:\n1. Văn phòng Sở hoàn thành trước ngày 30/6/2026 các việc sau:\n- lập danh mục;\n- trình ký trước ngày 15/6/2026;\n- thường xuyên cập nhật.';
    const proposal = parseConclusion(text, { registry, calendar, today: '2026-05-01', overrides: {} });
    expect(proposal.directives.map((d) => `${d.ordinal} ${d.owners.lead[0]?.code} ${when(d.timing)}`)).toEqual(['1.1 VP 2026-06-30', '1.2 VP 2026-06-15', '1.3 VP ongoing']);
  });

  it('flags a deadline before the issue date and lets flags override metadata', () => {
    const text = 'Số: 7/TB-SNgV\nQuảng Hòa, ngày 10 tháng 5 năm 2026\nGiám đốc Sở yêu cầu:\n1. Thanh tra Sở báo cáo trước ngày 30/4/2026.';
    const proposal = parseConclusion(text, { registry, calendar, today: '2026-05-11', overrides: { number: '8/TB-SNgV', issuedOn: '2026-04-01' } });
    expect(proposal.source).toMatchObject({ number: '8/TB-SNgV', issuedOn: '2026-04-01' });
    expect(proposal.directives[0].flags).toEqual([]);
    const plain = parseConclusion(text, { registry, calendar, today: '2026-05-11', overrides: {} });
    expect(plain.directives[0].flags).toEqual(['deadline_before_issue']);
  });

  it('leaves out the appraisal under a "kết luận như sau:"', () => {
    const text = [
      'Sau khi nghe báo cáo, Giám đốc Sở kết luận như sau:',
      '1. Ghi nhận, biểu dương kết quả các đơn vị đạt được trong quý.',
      '2. Trong quý, các đơn vị đã hoàn thành kế hoạch đề ra.',
      '3. Thanh tra Sở kiểm tra hồ sơ trước ngày 30/12/2026.',
      '4. Tăng cường kỷ luật, kỷ cương hành chính.',
    ].join('\n');
    const proposal = parseConclusion(text, { registry, calendar, today: '2026-11-20', overrides: {} });
    expect(proposal.directives.map((d) => `${d.ordinal} ${d.flags.join(',')}`.trim())).toEqual(['3', '4 no_owner,no_deadline']);
  });

  it('reads lines wrapped by a PDF, with page numbers between them', () => {
    const text = 'Giám đốc Sở yêu cầu:\n1. Văn phòng Sở rà soát các văn bản\nquy phạm pháp luật trước ngày\n30/9/2026.\n- 2 -\nTrang 2/3\n2. Thanh tra Sở kiểm tra hồ sơ.';
    const proposal = parseConclusion(text, { registry, calendar, today: '2026-05-11', overrides: {} });
    expect(proposal.directives.map((d) => [d.ordinal, d.text, when(d.timing)])).toEqual([
      ['1', 'Văn phòng Sở rà soát các văn bản quy phạm pháp luật trước ngày 30/9/2026.', '2026-09-30'],
      ['2', 'Thanh tra Sở kiểm tra hồ sơ.', '-'],
    ]);
  });

  it('gives every item the unit a "giao" lead-in names, but not the units a "yêu cầu" one does', () => {
    const options = { registry, calendar, today: '2026-05-11', overrides: {} };
    const given = parseConclusion('Giám đốc Sở giao Văn phòng Sở thực hiện các nội dung sau:\n1. Lập danh mục.\n2. Thanh tra Sở kiểm tra.', options);
    expect(given.directives.map((d) => d.owners.lead.map((u) => u.code))).toEqual([['VP'], ['TTR']]);
    const asked = parseConclusion('Giám đốc Sở yêu cầu Văn phòng Sở và các đơn vị thực hiện các nội dung sau:\n1. Lập danh mục.', options);
    expect(asked.directives[0].flags).toContain('no_owner');
  });

  it('refuses a text with no directive', () => {
    expect(() => parseConclusion('Báo cáo tình hình.\nCác đơn vị đã hoàn thành nhiệm vụ.', { registry, calendar, today: '2026-05-11', overrides: {} })).toThrow(/không tìm thấy ý kiến chỉ đạo/);
  });

  it('parses a 50 KB conclusion into all its directives (its time budget is checked by npm run bench:import)', () => {
    const report = 'Trong kỳ, các đơn vị đã triển khai Kế hoạch số 15/KH-SNgV ngày 08/01/2026; công tác lãnh sự được thực hiện kịp thời, một số báo cáo còn chậm.\n'.repeat(40);
    const items = Array.from({ length: 360 }, (_, i) => `- Phòng Lãnh sự rà soát hồ sơ đợt ${i + 1}, hoàn thành trước ngày ${(i % 28) + 1}/12/2026; phối hợp với Văn phòng Sở báo cáo kết quả hằng quý.`);
    const big = `Số: 9/TB-SNgV\nTHÔNG BÁO\nKết luận cuộc họp\n${report}Giám đốc Sở giao nhiệm vụ như sau:\n${items.join('\n')}`;
    expect(big.length).toBeGreaterThan(50_000);
    const options = { registry, calendar, today: '2026-05-11', overrides: {} };
    const proposal = parseConclusion(big, options);
    expect(proposal.directives.length).toBeGreaterThan(300);
  });
});
