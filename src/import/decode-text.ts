/**
 * Bytes of a plain-text conclusion → text: UTF-8 with or without BOM, UTF-16 with BOM. Vietnamese
 * typed in the legacy TCVN3 (ABC) or VNI fonts, whose letters read as Latin-1 junk ("Së Ngo¹i
 * vô", "Sôû Ngoaïi vuï"), as UTF-8 or as 8-bit bytes, is converted to Unicode. Refuses binary
 * data and other encodings.
 */
import { ValidationError, t } from '../domain/errors.js';
import { convertLegacy, detectLegacyEncoding } from './legacy-encoding.js';

const LEGACY_HINT = t(
  'chuyển văn bản sang Unicode (ví dụ: Unikey → Công cụ chuyển mã, từ TCVN3 hoặc VNI sang Unicode) rồi lưu dạng UTF-8',
  'convert the text to Unicode (e.g. Unikey’s converter, from TCVN3 or VNI) and save it as UTF-8',
);

function refuse(name: string, vi: string, en: string, hint = LEGACY_HINT): ValidationError {
  return new ValidationError(t(`tệp "${name}" ${vi}`, `file "${name}" ${en}`), hint);
}

/** Latin-1 letters and signs that no Unicode Vietnamese text uses, but TCVN3 and VNI text does. */
const LEGACY_CHARS = /[¡-¿ÄÅÆÇËÎÏÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþÿ]/g;
/** Letters only Vietnamese uses: ă, ơ, ư, đ and the precomposed tones of U+1EA0–U+1EF9. */
const VIETNAMESE_CHARS = /[ăâđơưĂÂĐƠƯ\u1ea0-\u1ef9]/g;

export function looksLegacyVietnamese(text: string): boolean {
  const legacy = text.match(LEGACY_CHARS)?.length ?? 0;
  const vietnamese = text.match(VIETNAMESE_CHARS)?.length ?? 0;
  return legacy >= 5 && legacy > vietnamese;
}

export function decodeText(bytes: Uint8Array, name: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.includes(0)) {
      throw refuse(name, 'không phải văn bản (dữ liệu nhị phân)', 'is not text (binary data)', t('dùng tệp .txt, .md, .docx hoặc .pdf có lớp chữ', 'use a .txt, .md, .docx or text .pdf file'));
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Bytes typed in a legacy font and saved as 8-bit text: read each byte as its Latin-1 sign, then convert.
      const latin = new TextDecoder('windows-1252').decode(bytes);
      const encoding = detectLegacyEncoding(latin);
      if (!encoding) throw refuse(name, 'không phải UTF-8 (có thể là mã Windows-1258 cũ)', 'is not UTF-8 (perhaps legacy Windows-1258)');
      text = convertLegacy(latin, encoding);
    }
  }
  text = text.replace(/^\ufeff/, '');
  // Many control characters other than line breaks and tabs mean binary data; a few are what
  // Word and terminals leave in copied text (Shift+Enter, escape sequences) and are cleaned later.
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 16 && controls > text.length / 20) {
    throw refuse(name, 'không phải văn bản (dữ liệu nhị phân)', 'is not text (binary data)', t('dùng tệp .txt, .md, .docx hoặc .pdf có lớp chữ', 'use a .txt, .md, .docx or text .pdf file'));
  }
  return toUnicode(text, name);
}

/**
 * Text typed in the legacy TCVN3 (ABC) or VNI fonts, converted to Unicode; text that looks legacy
 * but reads as neither is refused, naming the encodings it could be.
 */
export function toUnicode(text: string, name: string): string {
  const encoding = detectLegacyEncoding(text);
  if (encoding) return convertLegacy(text, encoding);
  if (looksLegacyVietnamese(text)) throw refuse(name, 'dùng bảng mã tiếng Việt cũ (TCVN3/VNI hoặc khác), không đọc được thành Unicode', 'uses a legacy Vietnamese encoding that cannot be read as TCVN3 or VNI');
  return text;
}

export { detectLegacyEncoding };

/** Markdown → the plain text a reader sees: no heading marks, emphasis or links. */
export function plainFromMarkdown(text: string): string {
  return text
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])\*(?!\s)([^*\n]+)\*(?!\w)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/^\s{0,3}>\s?/gm, '');
}
