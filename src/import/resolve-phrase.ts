/**
 * The units a phrase of a document names: exactly by name, alias or code; by the head noun of a
 * list ("các Phòng Lãnh sự, Hợp tác quốc tế"); or within two edits when exactly one unit is that
 * close. Nothing else is guessed: what still names a body is "unknown".
 */
import { editDistance } from '../domain/text.js';
import type { Registry, Unit } from '../domain/units.js';
import { ORG_HEAD_PATTERN, TITLES } from './grammar.js';
import { foldSameLength } from './normalize.js';
import { findMentions, namesOf, type Mention } from './unit-mentions.js';

const FUZZY_EDITS = 2;

export function uniqueUnits(units: Unit[]): Unit[] {
  const seen = new Set<number>();
  return units.filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)));
}

function stripTitles(element: string): string {
  let out = element;
  for (let changed = true; changed; ) {
    changed = false;
    for (const title of TITLES) {
      if (out === title || out.startsWith(`${title} `)) {
        out = out.slice(title.length + 1);
        changed = true;
      }
    }
  }
  return out;
}

/** The one unit (or group) within two edits of `element`, or null when none or several are. */
function fuzzyUnits(element: string, registry: Registry): Unit[] | null {
  const close = new Map<string, Unit[]>();
  for (const name of namesOf(registry)) {
    if (name.exactCase !== null || name.folded.length < 6) continue;
    // The distance is at least the difference in length: most names need no computing.
    if (Math.abs(name.folded.length - element.length) > FUZZY_EDITS) continue;
    if (editDistance(element, name.folded) <= FUZZY_EDITS) close.set(name.units.map((u) => u.code).join(','), name.units);
  }
  return close.size === 1 ? [...close.values()][0] : null;
}

function exactUnits(element: string, registry: Registry): Unit[] | null {
  return namesOf(registry).find((n) => n.exactCase === null && n.folded === element)?.units ?? null;
}

export interface PhraseOwners {
  units: Unit[];
  unknown: string[];
  fuzzy: boolean;
}

/**
 * The units a phrase names. Words left between the names are tried as names of their own: with
 * the head noun of the name before them ("các Phòng Lãnh sự, Hợp tác quốc tế"), then within two
 * edits; what still names a body is unknown, and the rest ("nh đạo các") is noise.
 */
export function resolvePhrase(original: string, registry: Registry): PhraseOwners {
  const folded = foldSameLength(original);
  const mentions = findMentions(original, folded, registry);
  const units: Unit[] = mentions.flatMap((m) => m.units);
  const unknown: string[] = [];
  let fuzzy = mentions.some((m) => m.misspelt);
  let last: Mention | null = null;
  const pieces: { text: string; folded: string; after: Mention | null }[] = [];
  let cursor = 0;
  for (const m of [...mentions, null]) {
    const end = m ? m.start : folded.length;
    const gapOriginal = original.slice(cursor, end);
    const gapFolded = folded.slice(cursor, end);
    const splitter = /[,;/]|(?<![\p{L}])(?:va|cung|hoac)(?![\p{L}])/gu;
    let from = 0;
    for (const s of [...gapFolded.matchAll(splitter), null]) {
      const to = s ? s.index : gapFolded.length;
      pieces.push({ text: gapOriginal.slice(from, to), folded: gapFolded.slice(from, to), after: last });
      if (s) from = s.index + s[0].length;
    }
    if (m) {
      last = m;
      cursor = m.end;
    }
  }
  for (const piece of pieces) {
    const element = piece.folded.replace(/[^\p{L}\p{N}\s]/gu, ' ').replace(/\s+/g, ' ').trim();
    if (!element) continue;
    const bare = stripTitles(element);
    // Only a post or a plural ("Lãnh đạo các") before a name: part of that name's phrase.
    if (!bare) continue;
    const head = piece.after ? piece.after.name.split(' ')[0] : null;
    const completed = head && bare ? exactUnits(`${head} ${bare}`, registry) : null;
    if (completed) {
      units.push(...completed);
      continue;
    }
    const near = bare.length >= 5 ? (fuzzyUnits(bare, registry) ?? fuzzyUnits(element, registry)) : null;
    if (near) {
      units.push(...near);
      fuzzy = true;
      continue;
    }
    // A body's name is a proper noun: capitalised, unlike "bảo đảm kinh phí" or "số liệu".
    if (ORG_HEAD_PATTERN.test(element) && /\p{Lu}/u.test(piece.text)) unknown.push(piece.text.trim().replace(/^[\s,;:.-]+|[\s,;:.-]+$/g, ''));
  }
  return { units: uniqueUnits(units), unknown, fuzzy };
}
