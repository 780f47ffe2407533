/**
 * Who a directive is for. The grammar: an owner clause opens the item, either as a header
 * ("Văn phòng Sở: (1)…", "Giao X:") or as the subject before the predicate ("Giao X chủ trì…",
 * "X có trách nhiệm…", "Sau khi …, X cập nhật…"); "phối hợp với Y" names coordinating units.
 * Names resolve against the registry exactly (folded), then, one by one, within two edits when
 * exactly one unit is that close. Nothing else is guessed.
 */
import { editDistance } from '../domain/text.js';
import type { Registry, Unit } from '../domain/units.js';
import { COMMANDS, LEADING_CLAUSE, ORG_HEAD_PATTERN, TITLES, VERB_PATTERN } from './grammar.js';
import { foldSameLength } from './normalize.js';
import type { Flag, Owners } from './types.js';
import { findMentions, namesOf, type Mention } from './unit-mentions.js';

const MAX_OWNER_WORDS = 20;
const FUZZY_EDITS = 2;

interface Span {
  start: number;
  end: number;
}

function uniqueUnits(units: Unit[]): Unit[] {
  const seen = new Set<number>();
  return units.filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)));
}

/** Where the predicate starts: the first verb written in lower case (proper names are capitalised). */
function predicateStart(original: string, folded: string, from: number, masked: Span[]): number {
  VERB_PATTERN.lastIndex = from;
  for (let m = VERB_PATTERN.exec(folded); m; m = VERB_PATTERN.exec(folded)) {
    const inName = masked.some((s) => m!.index >= s.start && m!.index < s.end);
    const first = original[m.index];
    if (!inName && (m.index === from || first === first.toLowerCase())) return m.index;
  }
  return -1;
}

/** The end of a run of registry names at `from` joined by commas or "và", or -1. */
function leadingMentionsEnd(folded: string, from: number, mentions: Mention[]): number {
  let at = from;
  let end = -1;
  for (const m of mentions) {
    if (m.start < at) continue;
    if (!/^(?:\s|,|;|va\b|cac\b|lanh dao\b)*$/.test(folded.slice(at, m.start))) break;
    end = m.end;
    at = m.end;
  }
  return end;
}

function skipSpaces(folded: string, at: number): number {
  while (at < folded.length && /[\s\-–:,]/.test(folded[at])) at += 1;
  return at;
}

/** The span of the owner phrase that opens the item, or null when it opens with a verb. */
export function ownerPhrase(original: string, registry: Registry): Span | null {
  const folded = foldSameLength(original);
  const header = /^([^:\n]{2,150}?):(?!\d)/.exec(original);
  if (header && header[1].split(/\s+/).length <= MAX_OWNER_WORDS) {
    const mentions = findMentions(original, folded, registry);
    const inside = folded.slice(0, header[1].length);
    const verb = predicateStart(original, folded, skipSpaces(folded, (COMMANDS.exec(inside)?.[0].length ?? 0)), mentions);
    if (verb < 0 || verb >= header[1].length) {
      const start = skipSpaces(folded, COMMANDS.exec(inside)?.[0].length ?? 0);
      return { start, end: header[1].length };
    }
  }
  let start = 0;
  if (LEADING_CLAUSE.test(folded)) {
    const comma = folded.indexOf(',');
    if (comma > 0 && comma < 250) start = skipSpaces(folded, comma + 1);
  }
  const command = COMMANDS.exec(folded.slice(start));
  if (command) start = skipSpaces(folded, start + command[0].length);
  const mentions = findMentions(original, folded, registry);
  const verb = predicateStart(original, folded, start, mentions);
  // With no verb the grammar knows, the names that open the item are still its subject.
  const end = verb >= 0 ? verb : leadingMentionsEnd(folded, start, mentions);
  if (end > start && folded.slice(start, end).trim().split(/\s+/).length <= MAX_OWNER_WORDS) return { start, end };
  // "… Chủ trì: Văn phòng Sở; phối hợp: …": the owner as a field.
  const field = /(?:^|[.;]\s*)(?:(?:don vi|co quan)\s+)?chu tri\s*:\s*/.exec(folded);
  if (field) {
    const from = field.index + field[0].length;
    const stop = folded.slice(from).search(/[.;]|\s(?:phoi hop|thoi han)\s*:/);
    return { start: from, end: stop < 0 ? folded.length : from + stop };
  }
  // "…; giao Văn phòng Sở tổng hợp": an owner named later by "giao".
  const later = /(?<![\p{L}])giao(?:\s+cho)?\s+/gu;
  for (let m = later.exec(folded); m; m = later.exec(folded)) {
    if (original[m.index] !== 'g' || /^ban\b/.test(folded.slice(m.index + m[0].length))) continue;
    const from = m.index + m[0].length;
    const to = predicateStart(original, folded, from, mentions);
    if (to > from && mentions.some((x) => x.start >= from && x.end <= to)) return { start: from, end: to };
  }
  return null;
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
  let fuzzy = false;
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

/** Units after each "phối hợp (với)": up to the next verb or stop mark. */
export function coordinatingOf(original: string, registry: Registry): Unit[] {
  const folded = foldSameLength(original);
  const mentions = findMentions(original, folded, registry);
  const out: Unit[] = [];
  const pattern = /(?<![\p{L}])phoi hop(?:\s+chat che)?(?:\s+(?:voi|cung))?(?:\s*:\s*|\s+)/gu;
  for (const m of folded.matchAll(pattern)) {
    const from = m.index + m[0].length;
    let to = predicateStart(original, folded, from, mentions);
    const stop = folded.slice(from).search(/[.;:()]/);
    if (stop >= 0 && (to < 0 || from + stop < to)) to = from + stop;
    if (to < 0) to = folded.length;
    if (to <= from) continue;
    // "Quy chế phối hợp đã ký kết": the noun, not the verb with its partner.
    const opensWithName = mentions.some((x) => x.start === from) || ORG_HEAD_PATTERN.test(folded.slice(from, to).trim());
    if (!opensWithName) continue;
    out.push(...resolvePhrase(original.slice(from, to), registry).units);
  }
  return uniqueUnits(out);
}

/** The lead owners an item names itself, or null when it names none (its parent's then apply). */
export function ownersOf(text: string, registry: Registry): Owners | null {
  const span = ownerPhrase(text, registry);
  const phrase = span ? resolvePhrase(text.slice(span.start, span.end), registry) : null;
  if (!phrase || (phrase.units.length === 0 && phrase.unknown.length === 0)) {
    // "Về công tác thi đua: các đơn vị …": a topic before the colon, the owner after it.
    const topic = /^[^:\n]{2,150}?:(?!\d)\s*/.exec(text);
    return topic && topic[0].length < text.length ? ownersOf(text.slice(topic[0].length), registry) : null;
  }
  const flags: Flag[] = [];
  if (phrase.unknown.length) flags.push('unknown_owner');
  if (phrase.fuzzy) flags.push('fuzzy_owner');
  return { lead: phrase.units, coordinating: [], ownerText: phrase.unknown.length ? phrase.unknown.join(', ') : null, flags };
}

/** "Giám đốc Sở giao Văn phòng Sở thực hiện các nội dung sau:": an owner for every item. */
export function ownersAssignedIn(leadIn: string, registry: Registry): Owners | null {
  const folded = foldSameLength(leadIn);
  const m = /(?<![\p{L}])giao(?!\s+ban\b)(?:\s+cho)?\s+/u.exec(folded);
  if (!m) return null;
  const from = m.index + m[0].length;
  VERB_PATTERN.lastIndex = from;
  const verb = VERB_PATTERN.exec(folded);
  const phrase = resolvePhrase(leadIn.slice(from, verb ? verb.index : undefined), registry);
  if (phrase.units.length === 0) return null;
  return { lead: phrase.units, coordinating: [], ownerText: null, flags: phrase.fuzzy ? ['fuzzy_owner'] : [] };
}
