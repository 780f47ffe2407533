import { describe, expect, it } from 'vitest';
import { findDirectivePart } from '../../src/import/directive-part.js';
import { normalizeText } from '../../src/import/normalize.js';

describe('the directive part', () => {
  it('skips the report, even one that ends in "cụ thể như sau:"', () => {
    const text = [
      'Căn cứ các văn bản chỉ đạo điều hành, các đơn vị đã triển khai nhiều việc, cụ thể như sau:',
      'Thứ nhất, về thể chế: đã rà soát văn bản.',
      'Một là, công tác tuyên truyền còn hạn chế.',
      'Giám đốc Sở yêu cầu các đơn vị thực hiện các nhiệm vụ sau:',
      '1. Văn phòng Sở rà soát kế hoạch.',
      '2. Thanh tra Sở kiểm tra.',
    ].join('\n');
    const part = findDirectivePart(text);
    expect(part?.leadIn).toMatch(/^Giám đốc Sở yêu cầu/);
    expect(part?.lines).toEqual(['1. Văn phòng Sở rà soát kế hoạch.', '2. Thanh tra Sở kiểm tra.']);
  });

  it.each([
    'II. NHIỆM VỤ TRONG THỜI GIAN TỚI',
    'Phó Chủ tịch UBND tỉnh giao nhiệm vụ như sau:',
    'Đề nghị các đơn vị thực hiện:',
    'Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:',
  ])('starts after "%s"', (leadIn) => {
    expect(findDirectivePart(`Báo cáo kết quả.\n${leadIn}\n1. Văn phòng Sở làm A.`)?.lines).toEqual(['1. Văn phòng Sở làm A.']);
  });

  it.each(['Nơi nhận:', 'KT. GIÁM ĐỐC', 'Tác giả bài viết: X', 'Văn phòng Sở thông báo để các đơn vị biết, thực hiện./.', 'Yêu cầu các đơn vị nghiêm túc thực hiện./.'])(
    'ends at "%s"',
    (ending) => {
      const part = findDirectivePart(`Giám đốc Sở giao:\n1. Văn phòng Sở làm A.\n${ending}\n- Lưu: VT.`);
      expect(part?.lines).toEqual(['1. Văn phòng Sở làm A.']);
    },
  );

  it('keeps the items written after the colon on the same line', () => {
    const part = findDirectivePart(normalizeText('Giám đốc Sở kết luận như sau: (1) Văn phòng Sở làm A; (2) Thanh tra Sở làm B.'));
    expect(part?.lines).toEqual(['(1) Văn phòng Sở làm A; (2) Thanh tra Sở làm B.']);
  });

  it('does not take "họp giao ban" for "giao"', () => {
    const text = 'Tại cuộc họp giao ban tháng 10, các đơn vị báo cáo như sau:\n- Văn phòng: xong 5 việc.\nGiám đốc Sở yêu cầu:\n1. Thanh tra Sở kiểm tra.';
    expect(findDirectivePart(text)?.lines).toEqual(['1. Thanh tra Sở kiểm tra.']);
  });

  it('finds none in a text that only reports', () => {
    expect(findDirectivePart('Ngày 1/3, các đơn vị đã hoàn thành kế hoạch.\nKết quả đạt được: tốt.')).toBeNull();
  });
});
