import { describe, expect, it } from 'vitest';
import { decodeText, looksLegacyVietnamese, plainFromMarkdown } from '../../src/import/decode-text.js';

const SAMPLE = 'Văn phòng Sở rà soát kế hoạch trước ngày 30/9/2021.';

describe('decoding text files', () => {
  it('reads UTF-8 with and without BOM, UTF-16 LE and BE with BOM', () => {
    const utf8 = Buffer.from(SAMPLE, 'utf8');
    expect(decodeText(utf8, 'a.txt')).toBe(SAMPLE);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'a.txt')).toBe(SAMPLE);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
    expect(decodeText(le, 'a.txt')).toBe(SAMPLE);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(be, 'a.txt')).toBe(SAMPLE);
  });

  it.each([
    ['binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]), /nhị phân/],
    ['Windows-1258 bytes that read as no legacy font', Buffer.from([0x53, 0xe8, 0x20, 0x4e, 0x67, 0x6f, 0xb9, 0x69]), /không phải UTF-8/],
  ])('refuses %s', (_name, bytes, message) => {
    expect(() => decodeText(bytes, 'x.txt')).toThrow(message);
  });

  it.each([
    ['TCVN3 read as Latin-1', Buffer.from('Së Ngo¹i vô yªu cÇu V¨n phßng Së rµ so¸t kÕ ho¹ch', 'utf8')],
    ['VNI read as Latin-1', Buffer.from('Sôû Ngoaïi vuï yeâu caàu Vaên phoøng Sôû raø soaùt keá hoaïch', 'utf8')],
    ['TCVN3 saved as 8-bit bytes', Buffer.from('Së Ngo¹i vô yªu cÇu V¨n phßng Së rµ so¸t kÕ ho¹ch', 'latin1')],
  ])('converts %s to Unicode', (_name, bytes) => {
    expect(decodeText(bytes, 'x.txt')).toBe('Sở Ngoại vụ yêu cầu Văn phòng Sở rà soát kế hoạch');
  });

  it('does not mistake Unicode Vietnamese or French quotes for legacy text', () => {
    expect(looksLegacyVietnamese(`${SAMPLE} «Chương trình» – ghi chú`)).toBe(false);
  });

  it('drops Markdown marks', () => {
    expect(plainFromMarkdown('## Kết luận\n**Văn phòng Sở**: xem [kế hoạch](http://x)')).toBe('Kết luận\nVăn phòng Sở: xem kế hoạch');
  });
});
