/**
 * Finding the registry's units and groups in a stretch of text: every name, alias and code,
 * compared case-folded without diacritics, whole words only, the longest match winning ("Văn
 * phòng Sở" over "Văn phòng").
 */
import { fold } from '../domain/text.js';
import { membersOf, type Registry, type Unit } from '../domain/units.js';

export interface Mention {
  start: number;
  end: number;
  units: Unit[];
  /** The folded name that matched. */
  name: string;
  /** Written with other diacritics than the registry's ("Thanh tra Sơ" for "Thanh tra Sở"): a near match to check. */
  misspelt?: boolean;
}

interface Name {
  folded: string;
  /** The name in lower case as the registry writes it. */
  written: string;
  units: Unit[];
  /** Codes ("VP", "LS") match only as written, upper case, lest "ls" or "vu" in a word match. */
  exactCase: string | null;
}

const cache = new WeakMap<Registry, Name[]>();

export function namesOf(registry: Registry): Name[] {
  let names = cache.get(registry);
  if (names) return names;
  names = [];
  for (const unit of registry.units.filter((u) => u.active)) {
    names.push({ folded: fold(unit.code), written: unit.code.toLowerCase(), units: [unit], exactCase: unit.code });
    for (const n of [unit.name, ...unit.aliases]) names.push({ folded: fold(n), written: n.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim(), units: [unit], exactCase: null });
  }
  for (const group of registry.groups) {
    const units = membersOf(registry, group);
    for (const n of [group.name, ...group.aliases]) names.push({ folded: fold(n), written: n.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim(), units, exactCase: null });
  }
  names = names.filter((n) => n.folded.length >= 2 && n.units.length > 0);
  cache.set(registry, names);
  return names;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

const found = new WeakMap<Registry, Map<string, Mention[]>>();

/** Non-overlapping mentions in `folded` (a foldSameLength text), in order of position. */
export function findMentions(original: string, folded: string, registry: Registry): Mention[] {
  let memo = found.get(registry);
  if (!memo) found.set(registry, (memo = new Map()));
  const known = memo.get(original);
  if (known) return known;
  const result = searchMentions(original, folded, registry);
  if (memo.size > 2000) memo.clear();
  memo.set(original, result);
  return result;
}

function searchMentions(original: string, folded: string, registry: Registry): Mention[] {
  const candidates: Mention[] = [];
  for (const name of namesOf(registry)) {
    let at = folded.indexOf(name.folded);
    while (at >= 0) {
      const end = at + name.folded.length;
      const whole = !isWordChar(folded[at - 1]) && !isWordChar(folded[end]);
      const caseOk = name.exactCase === null || original.slice(at, end) === name.exactCase;
      if (whole && caseOk) {
        const as = original.slice(at, end).toLowerCase().replace(/\s+/g, ' ');
        // Typed without diacritics is fine; typed with different ones is a misspelling to flag.
        const misspelt = as !== name.folded && as !== name.written && name.exactCase === null;
        candidates.push({ start: at, end, units: name.units, name: name.folded, misspelt });
      }
      at = folded.indexOf(name.folded, at + 1);
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Mention[] = [];
  for (const c of candidates) {
    if (chosen.every((m) => c.end <= m.start || c.start >= m.end)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
