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

  it('keeps paragraphs and table cells apart', () => {
    expect(textFromDocxHtml('<p>Số: 1/TB-SNgV</p><table><tr><td>A</td><td>B</td></tr></table><p>x&#39;y</p>')).toBe("Số: 1/TB-SNgV\nA B \nx'y");
  });
});
