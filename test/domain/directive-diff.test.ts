import { describe, expect, it } from 'vitest';
import { diffDirectives, SAME_DIRECTIVE, textSimilarity } from '../../src/domain/directive-diff.js';

describe('textSimilarity', () => {
  it.each([
    ['Văn phòng Sở rà soát hồ sơ trước ngày 30/4/2026.', 'Văn phòng Sở rà soát hồ sơ trước ngày 30/4/2026.', 1],
    ['Văn phòng Sở rà soát hồ sơ', 'VĂN PHÒNG SỞ  rà soát hồ sơ', 1],
    ['', '', 1],
  ])('%s ~ %s = %s', (a, b, expected) => expect(textSimilarity(a, b)).toBe(expected));

  it('keeps a corrected deadline above the threshold and an unrelated text below it', () => {
    const a = 'Văn phòng Sở chủ trì xây dựng Quy chế tiếp công dân của Sở, trình Giám đốc Sở trước ngày 30/4/2026.';
    expect(textSimilarity(a, a.replace('30/4/2026', '15/5/2026'))).toBeGreaterThanOrEqual(SAME_DIRECTIVE);
    expect(textSimilarity(a, 'Phòng Lãnh sự tổ chức Hội nghị công tác lãnh sự năm 2026.')).toBeLessThan(SAME_DIRECTIVE);
  });
});

describe('diffDirectives', () => {
  const d = (ordinal: string, text: string) => ({ ordinal, text });
  const A = 'Văn phòng Sở xây dựng Quy chế tiếp công dân, trình trước ngày 30/4/2026.';
  const B = 'Phòng Lãnh sự tham mưu Kế hoạch tổ chức Hội nghị công tác lãnh sự năm 2026.';
  const C = 'Thanh tra Sở kiểm tra việc giải quyết hồ sơ hợp pháp hóa lãnh sự.';

  it('tells unchanged, changed, added and removed apart by number and text', () => {
    const stored = [d('1', A), d('2', B), d('3', C)];
    const diff = diffDirectives(stored, [d('1', A), d('2', B.replace('năm 2026', 'năm 2026, trình trước ngày 15/5')), d('4', 'Phòng Hợp tác quốc tế hoàn thiện hồ sơ thỏa thuận quốc tế.')]);
    expect(diff.unchanged.map((x) => x.stored.ordinal)).toEqual(['1']);
    expect(diff.changed.map((x) => [x.stored.ordinal, x.incoming.ordinal])).toEqual([['2', '2']]);
    expect(diff.added.map((x) => x.ordinal)).toEqual(['4']);
    expect(diff.removed.map((x) => x.ordinal)).toEqual(['3']);
  });

  it('does not take a different directive under the same number for a change', () => {
    const diff = diffDirectives([d('2', B)], [d('2', C)]);
    expect(diff.changed).toEqual([]);
    expect(diff.added.map((x) => x.text)).toEqual([C]);
    expect(diff.removed.map((x) => x.text)).toEqual([B]);
  });

  it('follows a directive renumbered by an item inserted before it', () => {
    const diff = diffDirectives([d('1', A), d('2', B)], [d('1', A), d('2', C), d('3', B)]);
    expect(diff.changed.map((x) => [x.stored.ordinal, x.incoming.ordinal])).toEqual([['2', '3']]);
    expect(diff.added.map((x) => x.ordinal)).toEqual(['2']);
    expect(diff.removed).toEqual([]);
  });

  it('counts a corrected diacritic as a change', () => {
    const diff = diffDirectives([d('4', 'Phòng Thong tin đối ngoại cập nhật tin')], [d('4', 'Phòng Thông tin đối ngoại cập nhật tin')]);
    expect(diff.changed).toHaveLength(1);
  });
});
