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

// Made on first use: building an ICU collator costs ~13 ms, which commands that never sort
// (add, done, --version) should not pay.
let collator: Intl.Collator | undefined;

export function compareVietnamese(a: string, b: string): number {
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
