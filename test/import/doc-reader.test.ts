import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocText } from '../../src/import/doc-reader.js';
import { convertLegacy, detectLegacyEncoding } from '../../src/import/legacy-encoding.js';

// Word 97-2003 files saved by LibreOffice from our own texts (test/fixtures/doc/make-fixtures.mjs).
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/doc');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name));

describe('text of a Word 97-2003 .doc', () => {
  it('a công văn: paragraphs a line, table rows as |cell | cell|, footnotes after ---', async () => {
    expect((await readDocText(fixture('cong-van.doc'))).split('\n')).toEqual([
      // A cell's paragraphs are joined by a space.
      '|ỦY BAN NHÂN DÂN TỈNH X | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc|',
      '|Số: 12/UBND-KT V/v triển khai kế hoạch chuyển đổi số | Tỉnh X, ngày 05 tháng 3 năm 2026|',
      'Kính gửi:',
      '- Sở Tài chính;',
      '- Sở Khoa học và Công nghệ.',
      // The footnote's reference mark is not left in the sentence.
      'Thực hiện Quyết định số 45/QĐ-UBND, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến chỉ đạo như sau:',
      '1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính rà soát hạ tầng, báo cáo trước ngày 30/4/2026.',
      '2. Sở Tài chính bố trí kinh phí; thời hạn hoàn thành: quý II năm 2026.',
      // A number Word puts in front by itself (list numbering) is not in the text of a .doc.
      'Việc đánh số tự động của Word.',
      '|STT | Nhiệm vụ | Đơn vị chủ trì | Thời hạn|',
      '|1 | Xây dựng cơ sở dữ liệu dùng chung | Sở Khoa học và Công nghệ | 30/6/2026|',
      '|2 | Đào tạo cán bộ; tổng kết, đánh giá | Sở Nội vụ | Thường xuyên|',
      // A tab typed in the text stays a tab, never a cell.
      'Nơi nhận:\tKT. CHỦ TỊCH',
      '- Như trên;',
      '- Lưu: VT, KT.\tPHÓ CHỦ TỊCH',
      '---',
      '1 Quyết định số 45/QĐ-UBND ngày 10/01/2026 của Ủy ban nhân dân tỉnh.',
    ]);
  });

  it('gives Unicode text as NFC with its diacritics, and no soft hyphens or private marks', async () => {
    const text = await readDocText(fixture('cong-van.doc'));
    expect(text.normalize('NFC')).toBe(text);
    expect(text).toMatch(/Đào tạo cán bộ; tổng kết, đánh giá/);
    expect(text).not.toMatch(/[\u00ad\ue000-\uf8ff\u0000-\u0008]/);
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it('a .doc typed in TCVN3 (.VnTime, .VnTimeH) comes back in its codes, ư (0xAD) kept, and converts', async () => {
    const text = await readDocText(fixture('tcvn3.doc'));
    expect(text).toContain('KÝnh göi: Së Ngo¹i vô tØnh X.');
    expect(text).toContain('tr\u00adíc ngµy');
    expect(detectLegacyEncoding(text)).toBe('tcvn3');
    expect(convertLegacy(text, 'tcvn3').split('\n')).toEqual([
      '|ỦY BAN NHÂN DÂN TỈNH X | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc|',
      'Kính gửi: Sở Ngoại vụ tỉnh X.',
      '1. Đề nghị các đơn vị báo cáo kết quả thực hiện trước ngày 20/3/2026.',
      '2. Giao Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện.',
    ]);
  });

  it('a .doc typed in VNI-Times', async () => {
    const text = await readDocText(fixture('vni.doc'));
    expect(detectLegacyEncoding(text)).toBe('vni');
    expect(convertLegacy(text, 'vni').split('\n')).toEqual([
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Sở Ngoại vụ tỉnh X đề nghị các đơn vị báo cáo kết quả trước ngày 20/3/2026.',
    ]);
  });

  it('refuses what is not a readable .doc with a plain Error', async () => {
    const good = fixture('cong-van.doc');
    const garbage = Buffer.concat([good.subarray(0, 512), Buffer.alloc(4096, 0x5a)]);
    const cases: [string, Buffer][] = [
      ['truncated', good.subarray(0, 2048)],
      ['OLE header, then junk', garbage],
      ['a .docx (zip)', Buffer.from('PK\u0003\u0004 not really a zip')],
      ['plain text', Buffer.from('Kính gửi: các đơn vị')],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [what, bytes] of cases) {
      const error = await readDocText(bytes).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, what).toBeInstanceOf(Error);
      expect((error as Error).constructor, what).toBe(Error);
    }
  });

  it('refuses an encrypted .doc instead of returning its ciphered text', async () => {
    // fEncrypted is bit 8 of the FIB's flags, at 0x0A of the WordDocument stream; find the FIB
    // by its magic (0xA5EC) in the fixture and set the bit.
    const bytes = Buffer.from(fixture('cong-van.doc'));
    const fib = bytes.indexOf(Buffer.from([0xec, 0xa5]), 512);
    expect(fib).toBeGreaterThan(0);
    bytes.writeUInt16LE(bytes.readUInt16LE(fib + 0x0a) | 0x0100, fib + 0x0a);
    await expect(readDocText(bytes)).rejects.toThrow(/encrypted/);
  });
});
