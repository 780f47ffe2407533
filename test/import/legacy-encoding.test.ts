import { describe, expect, it } from 'vitest';
import { TCVN3_TABLE, VNI_TABLE, convertLegacy, detectLegacyEncoding } from '../../src/import/legacy-encoding.js';

/** Unicode → TCVN3 as a .VnTime/.VnTimeH user types it: the inverse of the table. */
function encodeTcvn3(text: string): string {
  const codes = new Map([...TCVN3_TABLE].map(([code, letter]) => [letter, code]));
  return [...text.normalize('NFC')]
    .map((ch) => codes.get(ch) ?? codes.get(ch.toLowerCase()) ?? ch) // a toned capital: the lowercase code (.VnTimeH)
    .join('');
}

/** Unicode → VNI Windows (base letter + mark): the inverse of the table. */
function encodeVni(text: string): string {
  const codes = new Map([...VNI_TABLE].map(([code, letter]) => [letter, code]));
  return [...text.normalize('NFC')].map((ch) => codes.get(ch) ?? ch).join('');
}

const CONG_VAN = [
  'ỦY BAN NHÂN DÂN TỈNH X',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 12/UBND-KT',
  'Kính gửi: Sở Tài chính; Sở Nội vụ; Văn phòng Đoàn đại biểu Quốc hội tỉnh.',
  'Thực hiện ý kiến chỉ đạo của Chủ tịch tỉnh, đề nghị các đơn vị khẩn trương triển khai:',
  '1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát biên chế, báo cáo trước ngày 15/4/2026.',
  '2. Ông Nguyễn Văn Bình, Trưởng phòng, chịu trách nhiệm tổng hợp kết quả; thường xuyên đôn đốc.',
  '3. Ở những xã khó khăn, ưu tiên bố trí kinh phí; kiểm tra việc thực hiện hằng quý.',
  'Nơi nhận:',
  '- Như trên;',
  '- Lưu: VT, KT.',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
].join('\n');

describe('the TCVN3 and VNI tables', () => {
  it('TCVN3: every code of TCVN 5712:1993 VN3, in code order', () => {
    // 0xA8–0xAE, 0xA1–0xA7, then each vowel with huyền, hỏi, ngã, sắc, nặng.
    const bytes = Buffer.from(
      'a8a9aaabacadaea1a2a3a4a5a6a7b5b6b7b8b9bbbcbdbec6c7c8c9cacbcccecfd0d1d2d3d4d5d6d7d8dcdddedfe1e2e3e4e5e6e7e8e9eaebecedeeeff1f2f3f4f5f6f7f8f9fafbfcfdfe',
      'hex',
    );
    // One letter a word: a word in capitals would make its lowercase codes capitals too.
    expect(convertLegacy([...bytes.toString('latin1')].join(' '), 'tcvn3')).toBe([...'ăâêôơưđĂÂÊÔƠƯĐàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ'].join(' '));
    expect(TCVN3_TABLE.size).toBe(74);
  });

  it('reads the words offices know by sight', () => {
    expect(convertLegacy('Së Ngo¹i vô', 'tcvn3')).toBe('Sở Ngoại vụ');
    expect(convertLegacy('Sôû Ngoaïi vuï', 'vni')).toBe('Sở Ngoại vụ');
    expect(convertLegacy('ñöôøng, tröôøng, nguyeän, yù kieán, lyù, tyû, Kyø, thuyeàn, söï', 'vni')).toBe('đường, trường, nguyện, ý kiến, lý, tỷ, Kỳ, thuyền, sự');
    expect(convertLegacy('THÖÔØNG TRÖÏC ÑAÛNG UÛY, Ñaø Naüng, AÉp Baéc', 'vni')).toBe('THƯỜNG TRỰC ĐẢNG ỦY, Đà Nẵng, Ắp Bắc');
    expect(convertLegacy('tænh, tìm, ít, ó, lòch', 'vni')).toBe('tỉnh, tìm, ít, ĩ, lịch');
  });

  it('VNI: a capital with a lowercase mark (as some converters write it) takes the capital’s case', () => {
    expect(convertLegacy('Aùnh saùng, Uûy ban', 'vni')).toBe('Ánh sáng, Ủy ban');
  });
});

describe('detecting and converting legacy text', () => {
  it('TCVN3 round trip: a công văn typed in .VnTime/.VnTimeH comes back as it was written', () => {
    const legacy = encodeTcvn3(CONG_VAN);
    expect(legacy).toContain('CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM');
    expect(legacy).toContain('KÝnh göi: Së Tµi chÝnh');
    expect(detectLegacyEncoding(legacy)).toBe('tcvn3');
    expect(convertLegacy(legacy, 'tcvn3')).toBe(CONG_VAN);
  });

  it('VNI round trip', () => {
    const legacy = encodeVni(CONG_VAN);
    expect(legacy).toContain('COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM');
    expect(detectLegacyEncoding(legacy)).toBe('vni');
    expect(convertLegacy(legacy, 'vni')).toBe(CONG_VAN);
  });

  it('round trips one sentence at a time, short ones too', () => {
    const sentences = [
      'Giao Văn phòng Sở theo dõi, đôn đốc.',
      'Báo cáo kết quả trước ngày 20/12/2026.',
      'Thanh tra Sở kiểm tra việc chấp hành pháp luật về phòng, chống tham nhũng.',
      'Phòng Hợp tác quốc tế hướng dẫn thủ tục đón đoàn khách nước ngoài.',
      'Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố.',
    ];
    for (const sentence of sentences) {
      for (const [encoding, encode] of [['tcvn3', encodeTcvn3], ['vni', encodeVni]] as const) {
        const legacy = encode(sentence);
        expect(detectLegacyEncoding(legacy), `${encoding}: ${legacy}`).toBe(encoding);
        const back = convertLegacy(legacy, encoding);
        expect(back, `${encoding}: ${legacy}`).toBe(sentence);
      }
    }
  });

  it('TCVN3 capitals: Ă Â Ê Ô Ơ Ư Đ have codes; a toned capital shares its lowercase code (.VnTimeH)', () => {
    expect(convertLegacy('¡n, ¢u, £, ¤ng, ¥n, ¦u, §µ N½ng', 'tcvn3')).toBe('Ăn, Âu, Ê, Ông, Ơn, Ưu, Đà Nẵng');
    // A word otherwise in capitals, or one capital next to a word in capitals, is all capitals…
    expect(convertLegacy('THùC HIÖN NGHÞ QUYÕT', 'tcvn3')).toBe('THỰC HIỆN NGHỊ QUYẾT');
    expect(convertLegacy('CHñ TÞCH UBND TØNH', 'tcvn3')).toBe('CHỦ TỊCH UBND TỈNH');
    expect(convertLegacy('X· HéI', 'tcvn3')).toBe('XÃ HỘI');
    expect(convertLegacy('KÕ HO¹CH ®Ó TRIÓN KHAI', 'tcvn3')).toBe('KẾ HOẠCH ĐỂ TRIỂN KHAI');
    // An acronym next to a word of lowercase codes does not make it capitals.
    expect(convertLegacy('c¸c TTHC ®Ó ®éi ngò CBCC ®· quy ®Þnh', 'tcvn3')).toBe('các TTHC để đội ngũ CBCC đã quy định');
    // …so is a toned vowel that starts a paragraph, an item or a sentence…
    expect(convertLegacy('ñy ban nh©n d©n tØnh giao: ñy ban nh©n d©n c¸c huyÖn. ë c¸c x·', 'tcvn3')).toBe('Ủy ban nhân dân tỉnh giao: Ủy ban nhân dân các huyện. Ở các xã');
    expect(convertLegacy('a) ¦u tiªn\n- ë vïng s©u\n2. ý kiÕn', 'tcvn3')).toBe('a) Ưu tiên\n- Ở vùng sâu\n2. Ý kiến');
    // …but not inside a sentence, nor on a line that continues the one before (a PDF's wrap).
    expect(convertLegacy('giao cho «ng NguyÔn V¨n ¸nh, ñy viªn', 'tcvn3')).toBe('giao cho ông Nguyễn Văn ánh, ủy viên');
    expect(convertLegacy('b¸o c¸o kÕt qu¶ vÒ\në c¸c x·', 'tcvn3')).toBe('báo cáo kết quả về\nở các xã');
    // "Ủy ban" is a name in office text: a capital wherever it stands.
    expect(convertLegacy('Chñ tÞch ñy ban nh©n d©n tØnh; c¸c ñy ban', 'tcvn3')).toBe('Chủ tịch Ủy ban nhân dân tỉnh; các Ủy ban');
  });

  it('TCVN3 ư is the code of the soft hyphen (0xAD), kept as a letter', () => {
    expect(convertLegacy('tr\u00adíc, n\u00adíc ngoµi', 'tcvn3')).toBe('trước, nước ngoài');
  });

  it('keeps digits, punctuation, ASCII words and line breaks as they are', () => {
    const legacy = `${encodeTcvn3('Điều 3. Báo cáo gửi về địa chỉ vanphong@example.vn, mã số KT-2026/07 (xem https://example.vn/a?b=1).')}\n\n${encodeTcvn3('Hạn: 30/6/2026; phụ lục kèm theo.')}`;
    expect(detectLegacyEncoding(legacy)).toBe('tcvn3');
    expect(convertLegacy(legacy, 'tcvn3')).toBe(
      'Điều 3. Báo cáo gửi về địa chỉ vanphong@example.vn, mã số KT-2026/07 (xem https://example.vn/a?b=1).\n\nHạn: 30/6/2026; phụ lục kèm theo.',
    );
  });

  it('mixed text: a heading already in Unicode stays as it is while the legacy lines are converted', () => {
    const body = 'Các đơn vị chủ động triển khai, báo cáo kết quả thực hiện trước ngày 25 hằng tháng.\nVăn phòng Sở tổng hợp, báo cáo Giám đốc Sở.';
    for (const [encoding, encode] of [['tcvn3', encodeTcvn3], ['vni', encodeVni]] as const) {
      const mixed = `THÔNG BÁO KẾT LUẬN của Giám đốc Sở Ngoại vụ\n${encode(body)}\nReport in English: café, naïve.`;
      expect(detectLegacyEncoding(mixed)).toBe(encoding);
      const out = convertLegacy(mixed, encoding);
      expect(out.split('\n')[0]).toBe('THÔNG BÁO KẾT LUẬN của Giám đốc Sở Ngoại vụ');
      expect(out.split('\n').slice(1, 3).join('\n')).toBe(body);
    }
  });

  it('returns NFC', () => {
    const out = convertLegacy(encodeVni('Hội nghị tổng kết'), 'vni');
    expect(out).toBe('Hội nghị tổng kết');
    expect(out.normalize('NFC')).toBe(out);
    expect(out.length).toBe('Hội nghị tổng kết'.length);
  });
});

describe('text that is not legacy', () => {
  const UNICODE = [
    CONG_VAN,
    'Sở Tài chính là cơ quan chủ trì; phòng họp số 2, tòa nhà A. Các đơn vị báo cáo kết quả về Văn phòng trước tháng 3.',
    'Ông Nguyễn Văn Á, bà Lê Thị Hà, chị Tô Ánh, anh Hồ Tú: Đà Nẵng, Hòa Bình, Sóc Trăng, Cà Mau, Bến Tre, Trà Vinh.',
    'Ý kiến: ô tô, ấy, ý, à, á, má, mà, cá, cò, có, cô, cố, ồ.',
    // Decomposed (NFD) Unicode, as some PDFs give it.
    'Kính gửi các đơn vị thuộc Sở; thời hạn hoàn thành: tháng 6 năm 2026.'.normalize('NFD'),
  ];

  it.each(UNICODE.map((text) => [text.slice(0, 40), text]))('Unicode Vietnamese: %s…', (_, text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it('Unicode Vietnamese with stray Latin-1 signs and foreign names', () => {
    expect(detectLegacyEncoding('Kính gửi: Sở Ngoại vụ. © 2026 Văn phòng; nhiệt độ 30°C, ½ kinh phí, «Chương trình» § 3, Müller, café, São Paulo.')).toBeNull();
    expect(detectLegacyEncoding('Báo cáo ± 5 %, ¼ số đơn vị; đoàn công tác tại Genève và Zürich.')).toBeNull();
  });

  it('English and other Latin-1 languages', () => {
    expect(detectLegacyEncoding('The quick brown fox met Müller at the café in Zürich; naïve résumé, façade, señor, Ærø.')).toBeNull();
    expect(detectLegacyEncoding('Meeting minutes, 20 March 2026. All units report by Friday.')).toBeNull();
    expect(detectLegacyEncoding("L'été à Genève: réunion préparatoire, ordre du jour, procès-verbal.")).toBeNull();
  });

  it('empty and ASCII-only text', () => {
    expect(detectLegacyEncoding('')).toBeNull();
    expect(detectLegacyEncoding('So: 12/UBND-KT\nKinh gui: cac don vi')).toBeNull();
  });

  it('converting Unicode lines by mistake leaves them as they are', () => {
    const text = 'Sở Tài chính chủ trì, phối hợp với các đơn vị.\nVăn phòng tổng hợp.';
    expect(convertLegacy(text, 'tcvn3')).toBe(text);
    expect(convertLegacy(text, 'vni')).toBe(text);
  });
});
