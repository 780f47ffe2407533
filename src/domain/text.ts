/**
 * Vietnamese text matching: names and searches compare case-folded and without diacritics,
 * and lists sort in Vietnamese alphabetical order.
 */

/** "Văn phòng Sở" → "van phong so"; đ/Đ become d, as Vietnamese users type without diacritics. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Made on first use: building an ICU collator costs ~13 ms (40 on a busy machine), which
// commands that never sort (add, done, --version) should not pay.
let collator: Intl.Collator | undefined;

const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
/** Space and the punctuation unit names use, in the order ICU's root collation gives them. */
const PUNCTUATION = ' _-–,;:.\'"()/&+';
const BREVE = '\u0306';
const CIRCUMFLEX = '\u0302';
const HORN = '\u031b';
/** The five tone marks: a difference of accent, which sensitivity "base" ignores. */
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const WITH_MARK: Record<string, string> = { [`a${BREVE}`]: 'ă', [`a${CIRCUMFLEX}`]: 'â', [`e${CIRCUMFLEX}`]: 'ê', [`o${CIRCUMFLEX}`]: 'ô', [`o${HORN}`]: 'ơ', [`u${HORN}`]: 'ư' };

const keys = new Map<string, number[] | null>();

/**
 * The primary weights ICU's Vietnamese collation (sensitivity "base", numeric) gives a string
 * made of Vietnamese letters, digits, spaces and common punctuation: letters in Vietnamese
 * order (ă after a, đ after d, ơ after ô…), tone marks and case ignored, runs of digits by their
 * value, punctuation below digits below letters. Null for anything else (another script, a
 * number with a leading zero): those go to ICU itself. test/domain/text.test.ts holds the two
 * to the same order.
 */
function primaryKey(text: string): number[] | null {
  const chars = text.toLowerCase().normalize('NFD');
  const key: number[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i];
    if (c >= '0' && c <= '9') {
      let j = i;
      while (j < chars.length && chars[j] >= '0' && chars[j] <= '9') j++;
      if (c === '0') return null;
      key.push(100, j - i);
      for (let k = i; k < j; k++) key.push(110 + chars.charCodeAt(k) - 48);
      i = j;
      continue;
    }
    const p = PUNCTUATION.indexOf(c);
    if (p >= 0) {
      key.push(1 + p);
      i++;
      continue;
    }
    let letter = c;
    i++;
    while (i < chars.length && chars[i] >= '\u0300' && chars[i] <= '\u036f') {
      const mark = chars[i++];
      if (TONES.has(mark)) continue;
      const marked = WITH_MARK[letter + mark];
      if (marked === undefined) return null;
      letter = marked;
    }
    const rank = ALPHABET.indexOf(letter);
    if (rank < 0) return null;
    key.push(200 + rank);
  }
  return key;
}

function keyOf(text: string): number[] | null {
  let key = keys.get(text);
  if (key === undefined) {
    // A long-running `tasks serve` compares arbitrary text: the cache must not grow without end.
    if (keys.size > 10_000) keys.clear();
    keys.set(text, (key = primaryKey(text)));
  }
  return key;
}

/**
 * Vietnamese alphabetical order, as ICU's collator gives it, without building the collator for
 * the names this tool sorts (unit names, mostly); anything unusual is left to ICU.
 */
export function compareVietnamese(a: string, b: string): number {
  const ka = keyOf(a);
  const kb = keyOf(b);
  if (ka !== null && kb !== null) {
    const n = Math.min(ka.length, kb.length);
    for (let i = 0; i < n; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return ka.length === kb.length ? 0 : ka.length < kb.length ? -1 : 1;
  }
  collator ??= new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
}

/** ICU's own answer, for tests that hold compareVietnamese to it. */
export function compareVietnameseIcu(a: string, b: string): number {
  collator ??= new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
}

/** Levenshtein distance, small inputs only (unit names). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Makes user-supplied text safe to store and show: line breaks become spaces in one-line fields,
 * control characters (terminal escapes, Word's stray ones) and invisible soft hyphens are dropped.
 */
export function cleanLine(text: string): string {
  return text
    .replace(/\r\n?|\n|\t/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u200b\ufeff]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}
