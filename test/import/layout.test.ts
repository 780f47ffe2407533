/**
 * The layout layer: what each reader sees on the page, before anyone asks what it says. Texts
 * are our own, written the way pdftotext, a Word 97 converter and mammoth give them.
 */
import { describe, expect, it } from 'vitest';
import { docxBlocks } from '../../src/import/layout/docx-layout.js';
import { pdfBlocks, type PdfItem } from '../../src/import/layout/pdf-layout.js';
import { textBlocks } from '../../src/import/layout/text-layout.js';

const paragraphs = (text: string) => textBlocks(text).filter((b) => b.kind === 'paragraph').map((b) => b.text);

describe('plain text → blocks', () => {
  it('joins lines a PDF wrapped at its margin, and keeps paragraphs, items and headings apart', () => {
    const text = [
      'Thực hiện Kế hoạch số 12/KH-UBND ngày 03/3/2026 của Ủy ban nhân dân tỉnh về',
      'cải cách hành chính, Sở Tài chính đã tổng hợp kết quả thực hiện của các đơn vị',
      'trong quý I năm 2026.',
      '    Để bảo đảm tiến độ, Giám đốc Sở yêu cầu các phòng thuộc Sở thực hiện các nội',
      'dung sau:',
      'I. Nhiệm vụ trọng tâm',
      '1. Văn phòng Sở tổng hợp báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính',
      'gửi Sở Nội vụ trước ngày',
      '20/6/2026.',
      '2. Thanh tra Sở kiểm tra việc tiếp nhận hồ sơ.',
    ].join('\n');
    expect(paragraphs(text)).toEqual([
      'Thực hiện Kế hoạch số 12/KH-UBND ngày 03/3/2026 của Ủy ban nhân dân tỉnh về cải cách hành chính, Sở Tài chính đã tổng hợp kết quả thực hiện của các đơn vị trong quý I năm 2026.',
      'Để bảo đảm tiến độ, Giám đốc Sở yêu cầu các phòng thuộc Sở thực hiện các nội dung sau:',
      'I. Nhiệm vụ trọng tâm',
      '1. Văn phòng Sở tổng hợp báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính gửi Sở Nội vụ trước ngày 20/6/2026.',
      '2. Thanh tra Sở kiểm tra việc tiếp nhận hồ sơ.',
    ]);
  });

  it('drops page numbers and form feeds, and takes a footnote out of the sentence it was glued to', () => {
    const text = [
      'Sở Nội vụ đề nghị các sở, ngành gửi ý kiến góp ý về Sở Nội vụ (qua Phòng Cải cách',
      'hành chính1) trước ngày 15/5/2026 để tổng hợp.',
      '1 Đầu mối: Phòng Cải cách hành chính, điện thoại 0263 3822 000.',
      '\f- 2 -',
      'Văn bản gửi kèm theo Công văn này gồm các phụ lục số liệu của từng',
      'đơn vị.',
    ].join('\n');
    const blocks = textBlocks(text);
    expect(blocks.filter((b) => b.kind === 'paragraph').map((b) => [b.page, b.text])).toEqual([
      [1, 'Sở Nội vụ đề nghị các sở, ngành gửi ý kiến góp ý về Sở Nội vụ (qua Phòng Cải cách hành chính) trước ngày 15/5/2026 để tổng hợp.'],
      [2, 'Văn bản gửi kèm theo Công văn này gồm các phụ lục số liệu của từng đơn vị.'],
    ]);
    expect(blocks.filter((b) => b.kind === 'note').map((b) => b.text)).toEqual(['1 Đầu mối: Phòng Cải cách hành chính, điện thoại 0263 3822 000.']);
  });

  it('reads a header drawn with "|" column by column, and a task table drawn the same way as rows', () => {
    const text = [
      '|ỦY BAN NHÂN DÂN            |CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |',
      '|TỈNH KHÁNH LÂM             |Độc lập - Tự do - Hạnh phúc        |',
      '|Số: 215/UBND-KT            |Khánh Lâm, ngày 02 tháng 3 năm 2026|',
      '|V/v triển khai rà soát     |                                   |',
      '|thủ tục hành chính         |                                   |',
      '',
      '|STT |Nhiệm vụ                 |Chủ trì        |Thời hạn  |',
      '|1   |Rà soát thủ tục hành     |Sở Tư pháp     |30/6/2026 |',
      '|    |chính nội bộ             |               |          |',
      '|2   |Công bố danh mục         |Văn phòng UBND |Hằng quý  |',
    ].join('\n');
    const blocks = textBlocks(text);
    expect(blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text)).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH KHÁNH LÂM',
      'Số: 215/UBND-KT',
      'V/v triển khai rà soát thủ tục hành chính',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Khánh Lâm, ngày 02 tháng 3 năm 2026',
    ]);
    expect(blocks.filter((b) => b.kind === 'row').map((b) => b.cells)).toEqual([
      ['STT', 'Nhiệm vụ', 'Chủ trì', 'Thời hạn'],
      ['1', 'Rà soát thủ tục hành chính nội bộ', 'Sở Tư pháp', '30/6/2026'],
      ['2', 'Công bố danh mục', 'Văn phòng UBND', 'Hằng quý'],
    ]);
  });

  it('cuts a line that holds two columns, but not the blanks a draft leaves for its number and day', () => {
    const text = '      ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n     Số:             /UBND-NC                       Khánh Lâm, ngày         tháng 12 năm 2025';
    expect(paragraphs(text)).toEqual(['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Số: /UBND-NC', 'Khánh Lâm, ngày tháng 12 năm 2025']);
  });

  it('takes a text typed one paragraph a line as it is, and leaves out the address it was copied from', () => {
    const long = 'Văn phòng Sở tổng hợp kết quả thực hiện các nhiệm vụ được giao tại Thông báo kết luận và báo cáo Giám đốc Sở.';
    const text = `https://cong-thong-tin.example.vn/tin-tuc/ket-luan giao ban\n${long}\n${long.replace('Văn phòng Sở', 'Thanh tra Sở')}`;
    expect(paragraphs(text)).toEqual([long, long.replace('Văn phòng Sở', 'Thanh tra Sở')]);
  });
});

describe('a .docx (mammoth HTML) → blocks', () => {
  it('keeps tables as rows of cells, writes list numbers back, and makes footnotes notes', () => {
    const html =
      '<table><tr><td><p><strong>ỦY BAN NHÂN DÂN</strong></p><p>Số: 8/TB-UBND</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p></td></tr></table>' +
      '<p><strong>THÔNG BÁO</strong></p><p>Ngày 02/3/2026, Phó Chủ tịch UBND tỉnh làm việc với các sở<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p>' +
      '<ol><li>Sở Tài chính rà soát dự toán.</li></ol>' +
      '<ol><li id="footnote-1"><p>Dự họp có Sở Tài chính, Sở Xây dựng. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    const blocks = docxBlocks(html);
    expect(blocks.map((b) => [b.kind, b.kind === 'row' ? b.cells : b.text, b.bold])).toEqual([
      ['row', ['ỦY BAN NHÂN DÂN\nSố: 8/TB-UBND', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], false],
      ['paragraph', 'THÔNG BÁO', true],
      ['paragraph', 'Ngày 02/3/2026, Phó Chủ tịch UBND tỉnh làm việc với các sở.', false],
      ['paragraph', '1. Sở Tài chính rà soát dự toán.', false],
      ['note', 'Dự họp có Sở Tài chính, Sở Xây dựng.', false],
    ]);
  });
});

describe('a PDF text layer → blocks', () => {
  const item = (str: string, x: number, y: number, height = 14, width = str.length * 6.5): PdfItem => ({ str, x, y, width, height, hasEOL: false });

  it('rebuilds paragraphs from positions: first-line indent, short last lines, columns, superscripts, small print', () => {
    const page = {
      width: 595,
      height: 842,
      items: [
        item('SỞ TÀI CHÍNH', 90, 780),
        item('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300, 780, 14, 250),
        item('Để hoàn thiện dự thảo, Sở Tài chính đề nghị các phòng gửi ý kiến về Văn', 120, 700, 14, 420),
        item('phòng Sở (qua bộ phận tổng hợp', 85, 684, 14, 200),
        item('2', 286, 689, 8, 4),
        item(') trước ngày 10/4/2026.', 290, 684, 14, 130),
        item('Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở trước ngày 15/4/2026 để chỉ', 120, 665, 14, 420),
        item('đạo.', 85, 649, 14, 25),
        item('2 Chuyên viên tổng hợp: điện thoại 0263 3555 111.', 100, 60, 9, 250),
        item('1', 297, 30, 10, 5),
      ],
    };
    const blocks = pdfBlocks([page]);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'SỞ TÀI CHÍNH'],
      ['paragraph', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['paragraph', 'Để hoàn thiện dự thảo, Sở Tài chính đề nghị các phòng gửi ý kiến về Văn phòng Sở (qua bộ phận tổng hợp) trước ngày 10/4/2026.'],
      ['paragraph', 'Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở trước ngày 15/4/2026 để chỉ đạo.'],
      ['note', '2 Chuyên viên tổng hợp: điện thoại 0263 3555 111.'],
    ]);
  });

  it('drops a running head repeated on every page', () => {
    const pages = [1, 2, 3].map((n) => ({
      width: 595,
      height: 842,
      items: [item('BẢN DỰ THẢO LẦN 2', 250, 810, 10, 100), item(`Nội dung trang ${n} của văn bản, đủ dài để là một dòng của thân bài.`, 85, 700, 14, 440)],
    }));
    const text = pdfBlocks(pages).map((b) => b.text).join('\n');
    expect(text).not.toContain('BẢN DỰ THẢO');
    expect(text).toContain('Nội dung trang 3');
  });
});
