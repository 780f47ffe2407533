import { describe, expect, it } from 'vitest';
import { leavesOf, markerOf, splitInline, splitItems } from '../../src/import/items.js';

function ordinals(lines: string[]): string[] {
  return leavesOf(splitItems(lines).items).map((l) => `${l.ordinal}=${l.text}`);
}

describe('numbering styles', () => {
  it.each([
    ['1. Việc một', 'num-dot', '1', 'Việc một'],
    ['2) Việc hai', 'num-paren', '2', 'Việc hai'],
    ['3/ Việc ba', 'num-slash', '3', 'Việc ba'],
    ['1.2. Việc con', 'multi', '1.2', 'Việc con'],
    ['(4) Việc bốn', 'paren-num', '(4)', 'Việc bốn'],
    ['a) Việc a', 'alpha-paren', 'a', 'Việc a'],
    ['b. Việc b', 'alpha-dot', 'b', 'Việc b'],
    ['- Gạch đầu dòng', 'dash', null, 'Gạch đầu dòng'],
    ['– Gạch dài', 'dash', null, 'Gạch dài'],
    ['+ Dấu cộng', 'plus', null, 'Dấu cộng'],
    ['• Chấm tròn', 'bullet', null, 'Chấm tròn'],
    ['II. NHIỆM VỤ', 'roman', 'II', 'NHIỆM VỤ'],
    ['Thứ hai, về thủ tục', 'words', 'Thứ hai', 'về thủ tục'],
    ['Một là, công tác theo dõi', 'words', 'Một là', 'công tác theo dõi'],
  ])('%s', (line, style, label, rest) => {
    expect(markerOf(line)).toEqual({ style, label, rest });
  });

  it.each(['30/9/2021 là hạn', '2021. Năm', 'Văn phòng Sở chủ trì'])('no marker: %s', (line) => {
    expect(markerOf(line)).toBeNull();
  });

  it('nests styles in the order they first appear', () => {
    expect(ordinals(['1. Văn phòng:', 'a) việc a', 'b) việc b', '2. Thanh tra:', '- việc c', '- việc d', '3. Việc e'])).toEqual([
      '1.a=việc a',
      '1.b=việc b',
      '2.1=việc c',
      '2.2=việc d',
      '3=Việc e',
    ]);
  });

  it('splits "Owner: (1)…; (2)…" written on one line', () => {
    expect(ordinals(['- Các đơn vị: (1) rà soát kế hoạch; (2) thường xuyên theo dõi; (3) báo cáo.', '- Văn phòng lưu trữ hồ sơ.'])).toEqual([
      '1.(1)=rà soát kế hoạch;',
      '1.(2)=thường xuyên theo dõi;',
      '1.(3)=báo cáo.',
      '2=Văn phòng lưu trữ hồ sơ.',
    ]);
  });

  it('splits an inline run of letters and ignores numbers out of order', () => {
    expect(splitInline('Giao Văn phòng: a) soạn thảo; b) trình ký.')?.items.map((i) => i.label)).toEqual(['a', 'b']);
    expect(splitInline('mức độ (3) và (4) của dịch vụ')).toBeNull();
  });

  it('takes one item a line when nothing is numbered', () => {
    expect(ordinals(['Văn phòng Sở làm việc A.', 'Thanh tra Sở làm việc B.'])).toEqual(['1=Văn phòng Sở làm việc A.', '2=Thanh tra Sở làm việc B.']);
  });

  it('joins a wrapped line to its item and keeps a preamble apart', () => {
    const { preamble, items } = splitItems(['Giao Văn phòng Sở:', '1. Rà soát các văn bản', 'đã ban hành.', '2. Báo cáo.']);
    expect(preamble).toBe('Giao Văn phòng Sở:');
    expect(leavesOf(items).map((l) => l.text)).toEqual(['Rà soát các văn bản đã ban hành.', 'Báo cáo.']);
  });
});
