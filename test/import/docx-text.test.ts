import { describe, expect, it } from 'vitest';
import { textFromDocxHtml } from '../../src/import/docx-text.js';

describe('text of a .docx', () => {
  it('writes Word’s own list numbers back, by depth', () => {
    const html =
      '<p>Giám đốc Sở giao:</p><ol><li>Văn phòng Sở:<ol><li>rà soát hồ sơ;</li><li>báo cáo &amp; đề xuất.</li></ol></li><li>Thanh tra Sở kiểm tra.</li></ol><ul><li>Phòng Lãnh sự hướng dẫn.</li></ul>';
    expect(textFromDocxHtml(html).split('\n')).toEqual([
      'Giám đốc Sở giao:',
      '1. Văn phòng Sở:',
      'a) rà soát hồ sơ;',
      'b) báo cáo & đề xuất.',
      '2. Thanh tra Sở kiểm tra.',
      '- Phòng Lãnh sự hướng dẫn.',
    ]);
  });

  it('keeps paragraphs apart and a table that is not a task list as lines of cells', () => {
    expect(textFromDocxHtml('<p>Số: 1/TB-SNgV</p><table><tr><td>A</td><td>B</td></tr></table><p>x&#39;y</p>')).toBe("Số: 1/TB-SNgV\nA B\nx'y");
  });

  it('turns a table of tasks into numbered items with their fields', () => {
    const html =
      '<table><tr><th><p>STT</p></th><th><p>Nội dung công việc</p></th><th><p>Đơn vị chủ trì</p></th><th><p>Đơn vị phối hợp</p></th><th><p>Thời hạn</p></th></tr>' +
      '<tr><td><p>1</p></td><td><p>Rà soát quy chế</p></td><td><p>Văn phòng Sở</p></td><td><p>Thanh tra Sở</p></td><td><p>30/11/2026</p></td></tr>' +
      '<tr><td><p>2</p></td><td><p>Cập nhật tin bài;</p></td><td><p>Phòng TTĐN</p></td><td></td><td><p>Thường xuyên</p></td></tr></table>';
    expect(textFromDocxHtml(html).split('\n')).toEqual([
      '1. Rà soát quy chế. Chủ trì: Văn phòng Sở; Phối hợp: Thanh tra Sở; Thời hạn: 30/11/2026.',
      '2. Cập nhật tin bài. Chủ trì: Phòng TTĐN; Thời hạn: Thường xuyên.',
    ]);
  });
});
