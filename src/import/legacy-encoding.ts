/**
 * Vietnamese typed in the legacy 8-bit fonts, as it reads once a .doc, .docx or PDF text layer
 * has turned each byte into the Latin-1 (cp1252) character of the same code: TCVN3 (ABC, TCVN
 * 5712:1993 VN3; fonts .VnTime, .VnTimeH) gives "Së Ngo¹i vô", VNI Windows (VNI-Times) gives
 * "Sôû Ngoaïi vuï" for "Sở Ngoại vụ". Detection converts the text both ways and keeps the way
 * that turns junk words into Vietnamese syllables; conversion is table lookup, then NFC.
 *
 * Capitals in TCVN3: VN3 has codes for Ă Â Ê Ô Ơ Ư Đ only. A capital with a tone mark (Ộ, Ủ…)
 * is written with the lowercase code in the all-capitals font .VnTimeH, and the text keeps no
 * font. So a lowercase code is made a capital when its word is otherwise in capitals ("CéNG" →
 * "CỘNG"), or when the words around it are in capitals ("X·" between "HßA" and "HéI" → "XÃ",
 * but "TTHC ®Ó ®éi" → "TTHC để đội"); a toned vowel that begins a sentence
 * (a paragraph, a list item, after ". " or ": ") is a capital too ("ñy ban" → "Ủy ban").
 * and so is "Ủy ban" wherever it stands. Elsewhere it stays lowercase: a name inside a sentence
 * ("Nguyễn Văn ¸nh" → "ánh"), and text typed in lowercase in .VnTimeH, come out lowercase,
 * since nothing in them says otherwise.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const ACUTE = '\u0301';
const DOT = '\u0323';
const TONES = [GRAVE, HOOK, TILDE, ACUTE, DOT] as const;

const compose = (base: string, tone = '') => (base + tone).normalize('NFC');

/**
 * TCVN 5712:1993 VN3, codes 0xA1–0xFE: the 7 capitals, the 7 lowercase letters without a tone,
 * and for each of the 12 vowels its codes with huyền, hỏi, ngã, sắc, nặng (in that order).
 */
const TCVN3_LETTERS: [number, string][] = [
  [0xa1, 'Ă'], [0xa2, 'Â'], [0xa3, 'Ê'], [0xa4, 'Ô'], [0xa5, 'Ơ'], [0xa6, 'Ư'], [0xa7, 'Đ'],
  [0xa8, 'ă'], [0xa9, 'â'], [0xaa, 'ê'], [0xab, 'ô'], [0xac, 'ơ'], [0xad, 'ư'], [0xae, 'đ'],
];
const TCVN3_TONED: [string, number[]][] = [
  ['a', [0xb5, 0xb6, 0xb7, 0xb8, 0xb9]],
  ['ă', [0xbb, 0xbc, 0xbd, 0xbe, 0xc6]],
  ['â', [0xc7, 0xc8, 0xc9, 0xca, 0xcb]],
  ['e', [0xcc, 0xce, 0xcf, 0xd0, 0xd1]],
  ['ê', [0xd2, 0xd3, 0xd4, 0xd5, 0xd6]],
  ['i', [0xd7, 0xd8, 0xdc, 0xdd, 0xde]],
  ['o', [0xdf, 0xe1, 0xe2, 0xe3, 0xe4]],
  ['ô', [0xe5, 0xe6, 0xe7, 0xe8, 0xe9]],
  ['ơ', [0xea, 0xeb, 0xec, 0xed, 0xee]],
  ['u', [0xef, 0xf1, 0xf2, 0xf3, 0xf4]],
  ['ư', [0xf5, 0xf6, 0xf7, 0xf8, 0xf9]],
  ['y', [0xfa, 0xfb, 0xfc, 0xfd, 0xfe]],
];

/** The TCVN3 table: the character each code reads as → the Vietnamese letter it stands for. */
export const TCVN3_TABLE: ReadonlyMap<string, string> = new Map([
  ...TCVN3_LETTERS.map(([code, letter]) => [String.fromCharCode(code), letter] as const),
  ...TCVN3_TONED.flatMap(([vowel, codes]) => codes.map((code, i) => [String.fromCharCode(code), compose(vowel, TONES[i])] as const)),
]);

/** Codes whose letter is lowercase in .VnTime and a capital in .VnTimeH. */
const TCVN3_CASELESS = new Set([...TCVN3_TABLE].filter(([, letter]) => letter !== letter.toUpperCase()).map(([code]) => code));

/**
 * VNI Windows: a vowel is its base letter followed by one mark character; lowercase and capital
 * marks differ only in case (ø/Ø). i with a tone, ơ, ư and đ are one character each.
 */
const VNI_MARKS: [string, string, string][] = [
  // mark, what it adds, the bases it goes on
  ['ø', GRAVE, 'aeouyơư'], ['û', HOOK, 'aeouyơư'], ['õ', TILDE, 'aeouyơư'], ['ù', ACUTE, 'aeouyơư'], ['ï', DOT, 'aeouơư'], ['î', DOT, 'y'],
  ['â', '\u0302', 'aeo'], ['à', '\u0302' + GRAVE, 'aeo'], ['å', '\u0302' + HOOK, 'aeo'], ['ã', '\u0302' + TILDE, 'aeo'], ['á', '\u0302' + ACUTE, 'aeo'], ['ä', '\u0302' + DOT, 'aeo'],
  ['ê', '\u0306', 'a'], ['è', '\u0306' + GRAVE, 'a'], ['ú', '\u0306' + HOOK, 'a'], ['ü', '\u0306' + TILDE, 'a'], ['é', '\u0306' + ACUTE, 'a'], ['ë', '\u0306' + DOT, 'a'],
];
const VNI_SINGLE: [string, string][] = [
  ['ô', 'ơ'], ['ö', 'ư'], ['ñ', 'đ'], ['ì', compose('i', GRAVE)], ['æ', compose('i', HOOK)], ['ó', compose('i', TILDE)], ['í', compose('i', ACUTE)], ['ò', compose('i', DOT)],
];

/** The VNI table, both cases: a base letter and its mark (or one character) → the letter. */
export const VNI_TABLE: ReadonlyMap<string, string> = (() => {
  const table = new Map<string, string>();
  for (const [mark, adds, bases] of VNI_MARKS) {
    for (const base of bases) {
      // ơ and ư with a tone: their own character (ô, ö) then the tone mark.
      const written = base === 'ơ' ? 'ô' : base === 'ư' ? 'ö' : base;
      const letter = compose(base.normalize('NFD') + adds);
      table.set(written + mark, letter);
      table.set(written.toUpperCase() + mark.toUpperCase(), letter.toUpperCase());
    }
  }
  for (const [code, letter] of VNI_SINGLE) {
    table.set(code, letter);
    table.set(code.toUpperCase(), letter.toUpperCase());
  }
  return table;
})();

const VNI_MARK_CHARS = new Set(VNI_MARKS.flatMap(([mark]) => [mark, mark.toUpperCase()]));

/** Codes of a vowel with a tone mark, which have no capital code (Đ, Ă… have one). */
const TCVN3_TONED_CODES = new Set(TCVN3_TONED.flatMap(([, codes]) => codes.map((code) => String.fromCharCode(code))));

const LIST_MARKER = /^\s*(?:\d+(?:\.\d+)*[.)]|[-+•*]|[a-zđ][.)]|[ivx]+[.)])\s+/u;
const TCVN3_WORD = /[\p{L}\u00a1-\u00ff]+/gu;

/**
 * TCVN3 with the case of the lowercase-only codes settled word by word (see the top comment).
 * A word starting with a toned vowel also takes a capital where a sentence starts: at the start
 * of a paragraph or list item, or after ". " or ": " ("ñy ban" → "Ủy ban"), but not on a line
 * that only continues the one before (a PDF's wrapped line).
 */
function convertTcvn3Line(line: string, previous: string | undefined): string {
  const words = [...line.matchAll(TCVN3_WORD)];
  const kind = words.map(([word]) => {
    let upper = 0;
    for (const ch of word) {
      if (TCVN3_CASELESS.has(ch)) continue;
      const letter = TCVN3_TABLE.get(ch) ?? ch;
      if (letter !== letter.toUpperCase()) return 'lower';
      if (letter !== letter.toLowerCase()) upper++;
    }
    return upper >= 2 ? 'upper' : upper === 1 ? 'one' : 'none';
  });
  const marker = LIST_MARKER.exec(line)?.[0].length ?? 0;
  const paragraphStart = marker > 0 || previous === undefined || !previous.trim() || /[.:;!?]["”)\]]*\s*$/u.test(previous);
  let out = '';
  let last = 0;
  let first = true;
  words.forEach((m, i) => {
    const word = m[0];
    const before = line.slice(last, m.index);
    out += before;
    last = m.index + word.length;
    // Neighbours are the words just a space away ("Sè: 12/UBND" is a title). A word with one
    // capital of its own ("X·") needs one neighbour in capitals, a word with none ("®Ó") needs
    // every neighbour: "TTHC ®Ó" is "TTHC để", "HO¹CH ®Ó TRIÓN" is "HOẠCH ĐỂ TRIỂN".
    const neighbours = [i - 1, i + 1].filter((j) => j >= 0 && j < words.length && /^\s+$/u.test(j < i ? before : line.slice(last, words[j].index)));
    const upperNeighbours = neighbours.filter((j) => kind[j] === 'upper').length;
    const capitals =
      kind[i] === 'upper' ||
      (kind[i] === 'one' && upperNeighbours > 0) ||
      (kind[i] === 'none' && upperNeighbours > 0 && upperNeighbours === neighbours.length);
    const lineStart = first && m.index >= marker;
    if (m.index >= marker) first = false;
    const sentenceStart = (lineStart && paragraphStart) || (!lineStart && /[.:!?]["”)\]]*\s+$/u.test(before));
    out += [...word]
      .map((ch, j) => {
        const letter = TCVN3_TABLE.get(ch) ?? ch;
        if (!TCVN3_CASELESS.has(ch)) return letter;
        return capitals || (j === 0 && sentenceStart && TCVN3_TONED_CODES.has(ch)) ? letter.toUpperCase() : letter;
      })
      .join('');
  });
  // The one name of office text that starts with a toned vowel, capitalised wherever it stands.
  return (out + line.slice(last)).replace(/(?<!\p{L})ủy ban(?!\p{L})/gu, 'Ủy ban');
}

function convertVniLine(line: string): string {
  let out = '';
  const chars = [...line];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const next = chars[i + 1];
    if (next !== undefined && VNI_MARK_CHARS.has(next)) {
      // The mark's case may differ from the base's: the base decides.
      const pair = VNI_TABLE.get(ch + next) ?? VNI_TABLE.get(ch.toLowerCase() + next.toLowerCase());
      if (pair !== undefined) {
        out += ch === ch.toLowerCase() ? pair.toLowerCase() : pair.toUpperCase();
        i++;
        continue;
      }
    }
    out += VNI_TABLE.get(ch) ?? ch;
  }
  return out;
}

function convertLine(line: string, encoding: LegacyEncoding, previous?: string): string {
  return encoding === 'tcvn3' ? convertTcvn3Line(line, previous) : convertVniLine(line);
}

/** Letters only Unicode Vietnamese has (ă đ ơ ư ĩ ũ and the precomposed toned vowels): never a legacy byte. */
const UNICODE_VIETNAMESE = /[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]/u;

const INITIAL = '(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?';
const VOWELS =
  'uyê|uya|uyu|uây|uôi|ươi|ươu|oai|oay|oeo|iêu|yêu|' +
  'ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|' +
  'a|ă|â|e|ê|i|o|ô|ơ|u|ư|y';
const SYLLABLE = new RegExp(`^${INITIAL}(?:${VOWELS})(?:ch|nh|ng|[cmnpt])?$`, 'u');
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** Whether a word has the shape of one Vietnamese syllable: initial, vowels, final, at most one tone. */
function isSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  if ((decomposed.match(TONE_MARKS)?.length ?? 0) > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONE_MARKS, '').normalize('NFC'));
}

const WORD = /[\p{L}\p{M}\u00a1-\u00ff]+/gu;
const LATIN1 = /[\u00a1-\u00ff]/u;

/**
 * How much better a conversion reads than the text as it is: among the words a legacy font
 * could have written (those with a character of 0xA1–0xFF), the Vietnamese syllables gained.
 */
function gain(text: string, encoding: LegacyEncoding): { gain: number; words: number; unicode: number } {
  let result = 0;
  let words = 0;
  let unicode = 0;
  // A document says the same words many times: each is judged once.
  const seen = new Map<string, number>();
  for (const [word] of text.matchAll(WORD)) {
    if (UNICODE_VIETNAMESE.test(word)) unicode++;
    // One-letter words prove nothing: a stray © or ½ reads as a TCVN3 vowel.
    if (word.length < 2 || !LATIN1.test(word)) continue;
    words++;
    let delta = seen.get(word);
    if (delta === undefined) {
      delta = Number(isSyllable(convertLine(word, encoding))) - Number(isSyllable(word));
      seen.set(word, delta);
    }
    result += delta;
  }
  return { gain: result, words, unicode };
}

/**
 * 'tcvn3' or 'vni' when the text reads as Vietnamese only once converted from that encoding;
 * null for Unicode (Vietnamese or not), also with a few stray Latin-1 signs or names in it.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const nfc = text.normalize('NFC');
  if (!LATIN1.test(nfc)) return null;
  let best: LegacyEncoding | null = null;
  let bestGain = 0;
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const score = gain(nfc, encoding);
    // Most legacy words become syllables; Unicode words mostly stay what they were, or break.
    const enough = score.gain >= 2 && score.gain >= score.words * 0.4 && score.gain > score.unicode;
    if (enough && score.gain > bestGain) {
      best = encoding;
      bestGain = score.gain;
    }
  }
  return best;
}

/**
 * The text in NFC Unicode, read as the given legacy encoding. Lines already in Unicode
 * Vietnamese (a pasted heading, say) are left as they are unless converting them gains.
 */
export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  return text
    .normalize('NFC')
    .split('\n')
    .map((line, i, lines) => {
      if (!LATIN1.test(line)) return line;
      if (UNICODE_VIETNAMESE.test(line) && gain(line, encoding).gain <= 0) return line;
      return convertLine(line, encoding, lines[i - 1]);
    })
    .join('\n')
    .normalize('NFC');
}
