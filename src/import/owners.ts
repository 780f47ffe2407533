/**
 * Who a directive is for. The grammar: an owner clause opens the item, either as a header
 * ("Văn phòng Sở: (1)…", "Giao X:") or as the subject before the predicate ("Giao X chủ trì…",
 * "X có trách nhiệm…", "Sau khi …, X cập nhật…"); "phối hợp với Y" names coordinating units.
 * Names resolve against the registry exactly (folded), then, one by one, within two edits when
 * exactly one unit is that close. Nothing else is guessed.
 */
import type { Registry, Unit } from '../domain/units.js';
import { COMMANDS, LEADING_CLAUSE, ORG_HEAD_PATTERN, VERB_PATTERN } from './grammar.js';
import { foldSameLength } from './normalize.js';
import { resolvePhrase, uniqueUnits } from './resolve-phrase.js';
import type { Flag, Owners } from './types.js';
import { findMentions, type Mention } from './unit-mentions.js';

const MAX_OWNER_WORDS = 30;

interface Span {
  start: number;
  end: number;
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

/** Units after each "phối hợp (với)": up to the next verb or stop mark. */
export function coordinatingOf(original: string, registry: Registry): Unit[] {
  const folded = foldSameLength(original);
  const mentions = findMentions(original, folded, registry);
  const out: Unit[] = [];
  const pattern = /(?<![\p{L}])(?:phoi hop|phoi(?=\s+voi\b)|trao doi,?\s+thong nhat)(?:\s+chat che)?(?:\s+(?:voi|cung))?(?:\s*:\s*|\s+)/gu;
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
  // "X chủ trì …, Y phối hợp …": a unit named right before "phối hợp".
  for (const m of mentions) {
    if (/^\s*(?:cung\s+)?phoi hop(?![\p{L}])/u.test(folded.slice(m.end))) out.push(...m.units);
  }
  return uniqueUnits(out);
}

/**
 * An owner phrase names a body, not a topic: "Công tác lãnh sự … được thực hiện" speaks of work
 * done (a topic, and a passive "được"), not of the Phòng Lãnh sự.
 */
const TOPIC_NOUNS = /^(?:cong tac|viec|noi dung|ho so|ket qua|tinh hinh|chuong trinh|ke hoach|bao cao|van ban|du an|de an|thu tuc|linh vuc|hoat dong|nhiem vu)\b/;

function isSubject(folded: string): boolean {
  const phrase = folded.trim();
  return !TOPIC_NOUNS.test(phrase) && !/\b(?:duoc|da|dang|van|con|chua|se)\s*$/.test(phrase);
}

/** The lead owners an item names itself, or null when it names none (its parent's then apply). */
export function ownersOf(text: string, registry: Registry, topics = 0): Owners | null {
  // "Đối với công tác … qua địa bàn Phường 2: Tập trung …": a topic names places; the owner, if any, comes after it.
  const topicHead = topics < 2 ? /^(?:đối với|về)\s[^:\n]{2,200}:(?!\d)\s*/iu.exec(text) : null;
  if (topicHead && topicHead[0].length < text.length) return ownersOf(text.slice(topicHead[0].length), registry, topics + 1);
  let span = ownerPhrase(text, registry);
  if (span && !isSubject(foldSameLength(text.slice(span.start, span.end)))) span = null;
  const phrase = span ? resolvePhrase(text.slice(span.start, span.end), registry) : null;
  if (!phrase || (phrase.units.length === 0 && phrase.unknown.length === 0)) {
    // "Về công tác thi đua: các đơn vị …": a topic before the colon, the owner after it. Two
    // topics at most ("II. Nhiệm vụ: Về thi đua: …"): a line of a thousand colons would
    // otherwise be read a thousand times over, and overflow the stack.
    const topic = topics < 2 ? /^[^:\n]{2,150}?:(?!\d)\s*/.exec(text) : null;
    return topic && topic[0].length < text.length ? ownersOf(text.slice(topic[0].length), registry, topics + 1) : null;
  }
  const flags: Flag[] = [];
  if (phrase.unknown.length) flags.push('unknown_owner');
  if (phrase.fuzzy) flags.push('fuzzy_owner');
  return { lead: phrase.units, coordinating: [], ownerText: phrase.unknown.length ? phrase.unknown.join(', ') : null, flags, words: text.slice(span!.start, span!.end).trim() };
}

/** "Giám đốc Sở giao Văn phòng Sở thực hiện các nội dung sau:": an owner for every item. */
export function ownersAssignedIn(leadIn: string, registry: Registry): Owners | null {
  const folded = foldSameLength(leadIn);
  const m = /(?<![\p{L}])(?<!(?:duoc|nut|ban|chuyen|trao|bo)\s)giao(?!\s+(?:ban|thong|duc|luu|dich|nhan|tiep)\b)(?:\s+cho)?\s+/u.exec(folded);
  if (!m) return null;
  const from = m.index + m[0].length;
  // The verb that ends the owner's name is written in lower case: "Đầu tư" in a name is not "đầu tư".
  const verb = predicateStart(leadIn, folded, from, findMentions(leadIn, folded, registry));
  const end = verb >= 0 ? verb : undefined;
  const phrase = resolvePhrase(leadIn.slice(from, end), registry);
  if (phrase.units.length === 0) return null;
  return { lead: phrase.units, coordinating: [], ownerText: null, flags: phrase.fuzzy ? ['fuzzy_owner'] : [], words: leadIn.slice(from, end).trim().replace(/[:;,.]$/, '') };
}
