/**
 * A corrected conclusion against the one imported before: which directives are new, which
 * changed, which are gone. Two directives are the same when they carry the same number and
 * their texts are alike (a corrected deadline or an added clause keeps a directive's identity); a
 * directive whose text is unchanged but was renumbered (an item inserted before it) is the same
 * too. Only the number and the text are compared, so any parser that gives those will do.
 */
import { fold } from './text.js';

export interface DirectiveText {
  ordinal: string | null;
  text: string;
}

/** At or above this Dice coefficient, two texts under the same number are one directive. */
export const SAME_DIRECTIVE = 0.6;

function words(text: string): string[] {
  return fold(text)
    .replace(/[^\p{L}\p{N}/]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
}

function bigrams(list: string[]): Map<string, number> {
  const grams = new Map<string, number>();
  const keys = list.length < 2 ? list : list.slice(1).map((w, i) => `${list[i]} ${w}`);
  for (const key of keys) grams.set(key, (grams.get(key) ?? 0) + 1);
  return grams;
}

/** Dice coefficient over word bigrams of the folded texts (single words for one-word texts): 0 to 1. */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(words(a));
  const y = bigrams(words(b));
  let size = 0;
  let shared = 0;
  for (const n of x.values()) size += n;
  for (const [key, n] of y) {
    size += n;
    shared += Math.min(n, x.get(key) ?? 0);
  }
  return size === 0 ? 1 : (2 * shared) / size;
}

/** Exactly the same words and marks: a corrected diacritic is a change too. */
function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

export interface DirectiveDiff<S, N> {
  unchanged: { stored: S; incoming: N }[];
  changed: { stored: S; incoming: N; similarity: number }[];
  added: N[];
  removed: S[];
}

export function diffDirectives<S extends DirectiveText, N extends DirectiveText>(stored: readonly S[], incoming: readonly N[]): DirectiveDiff<S, N> {
  const diff: DirectiveDiff<S, N> = { unchanged: [], changed: [], added: [], removed: [] };
  const taken = new Set<number>();
  const pending: N[] = [];
  for (const next of incoming) {
    const i = stored.findIndex((s, k) => !taken.has(k) && s.ordinal === next.ordinal && textSimilarity(s.text, next.text) >= SAME_DIRECTIVE);
    if (i < 0) {
      pending.push(next);
      continue;
    }
    taken.add(i);
    const similarity = textSimilarity(stored[i].text, next.text);
    if (sameText(stored[i].text, next.text)) diff.unchanged.push({ stored: stored[i], incoming: next });
    else diff.changed.push({ stored: stored[i], incoming: next, similarity });
  }
  for (const next of pending) {
    const i = stored.findIndex((s, k) => !taken.has(k) && sameText(s.text, next.text));
    if (i < 0) {
      diff.added.push(next);
      continue;
    }
    taken.add(i);
    diff.changed.push({ stored: stored[i], incoming: next, similarity: 1 });
  }
  diff.removed = stored.filter((_, k) => !taken.has(k));
  return diff;
}
