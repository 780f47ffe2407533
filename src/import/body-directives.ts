/**
 * The body's items → drafts of directives: where the instructions begin (the lead-in), which
 * items are instructions (not assessment, report or closing), who owns each (its own subject, the
 * heading above it, an owner list given before it, the addressees for "trách nhiệm chung") and
 * when it is due (its own words, a schedule of the item above, a period the lead-in gives the
 * tasks). The clause readers (owners.ts, deadlines.ts) decide each phrase; this decides which
 * phrase counts.
 */
import { fold } from '../domain/text.js';
import type { Registry } from '../domain/units.js';
import { findTimingWithWords, type DeadlineContext, type TimingFound } from './deadlines.js';
import { findDirectivePart } from './directive-part.js';
import { COMMANDS } from './grammar.js';
import { leavesOf, splitItems, type Leaf } from './items.js';
import { foldedOf, type Block } from './layout/block.js';
import { isNarrative } from './narrative.js';
import { foldSameLength, trimItem } from './normalize.js';
import { coordinatingOf, ownersAssignedIn, ownersOf } from './owners.js';
import { resolvePhrase } from './resolve-phrase.js';
import { assignmentOf, isAssessmentHeading } from './structure/body.js';
import { isClosing, type Parts } from './structure/parts.js';
import type { Draft, Owners } from './types.js';
import { findMentions } from './unit-mentions.js';


/** A line that is nothing but registry names ("Sở Tài chính;", "Văn phòng Sở và Thanh tra Sở"). */
function isNameList(text: string, registry: Registry): boolean {
  if (text.length > 300) return false;
  const folded = foldSameLength(text);
  const mentions = findMentions(text, folded, registry);
  let rest = '';
  let at = 0;
  for (const m of mentions) {
    rest += `${folded.slice(at, m.start)} `;
    at = m.end;
  }
  rest += folded.slice(at);
  return mentions.length > 0 && /^(?:[\s,;.:\-–]|\bva\b|\bcac\b)*$/.test(rest);
}

/** The registry units "Kính gửi" names, as the owners of what is asked of "the agencies" in general. */
function addressees(parts: Parts, registry: Registry): Owners | null {
  const units = parts.addressees.flatMap((a) => resolvePhrase(a, registry).units);
  if (units.length === 0) return null;
  return { lead: [...new Map(units.map((u) => [u.id, u])).values()], coordinating: [], ownerText: null, flags: [], words: `Kính gửi: ${parts.addressees.join('; ')}` };
}

/** The paragraph each item comes from. Items come in the order of the paragraphs: each search goes on from the last. */
function blockFinder(paragraphs: Block[]): (text: string) => Block | null {
  let cursor = 0;
  return (text) => {
    const probe = foldSameLength(text).replace(/\s+/g, ' ').slice(0, 50);
    for (let i = 0; i < paragraphs.length; i++) {
      const at = (cursor + i) % paragraphs.length;
      if (foldedOf(paragraphs[at]).includes(probe)) {
        cursor = at;
        return paragraphs[at];
      }
    }
    return null;
  };
}

/**
 * An item's timing: its own words (a task with its details is done when the last detail is); else a
 * schedule, or a full date, of the item just above (a month or a date in a heading is not each
 * item's deadline); else the period the lead-in gives the tasks.
 */
function timingOf(leaf: Leaf, body: string, ctx: DeadlineContext, general: TimingFound | null): TimingFound | null {
  const self = findTimingWithWords(leaf.details ? `${body} ${leaf.details.join(' ')}` : body, ctx);
  if (self) return self;
  const parent = leaf.context.length ? findTimingWithWords(leaf.context.at(-1)!, ctx) : null;
  if (parent?.timing && (parent.timing.kind !== 'due' || /\d{1,2}\s*[/.-]\s*\d{1,2}|\d\s+tháng\s+\d/u.test(parent.words))) return parent;
  return general?.timing?.kind === 'due' ? general : null;
}

export function bodyDirectives(parts: Parts, metaBefore: string[], ctx: DeadlineContext, registry: Registry): { drafts: Draft[]; preamble: string } {
  const paragraphs = parts.body.filter((b) => b.kind === 'paragraph');
  const lines = paragraphs.map((b) => b.text);
  const part = findDirectivePart(lines.join('\n'));
  const leadIn = part?.leadIn ?? '';
  const leadAt = part ? lines.findIndex((l) => l.includes(leadIn.trim()) || leadIn.includes(l)) : -1;
  metaBefore.push(...(leadAt >= 0 ? lines.slice(0, leadAt) : part ? [] : lines));
  if (leadAt >= 0) metaBefore.push(leadIn);
  const itemLines = part ? part.lines : lines;
  const { preamble, items } = splitItems(itemLines);
  const generalOwners = ownersAssignedIn(`${leadIn} ${preamble}`, registry) ?? (() => {
    const p = preamble ? ownersOf(preamble, registry) : null;
    return p?.lead.length && !p.ownerText ? p : null;
  })();
  // A period the lead-in gives the tasks themselves ("… thực hiện các nhiệm vụ trong quý IV/2026, cụ thể
  // như sau:") applies to items that state none; one named earlier in the sentence ("để triển khai … trong
  // tháng 4/2026, … yêu cầu …") does not.
  const lastClause = leadIn.replace(/[,;]?\s*(?:cụ thể\s+)?(?:như sau|sau đây)?\s*:\s*$/u, '').split(/[,;]/).at(-1) ?? '';
  const generalTiming = findTimingWithWords(lastClause, ctx);
  const drafts: Draft[] = [];
  const blockOf = blockFinder(paragraphs);
  let listed: Owners['lead'] | null = null;
  for (const leaf of leavesOf(items)) {
    if (leaf.context.some(isAssessmentHeading) || isAssessmentHeading(leaf.text)) continue;
    const body = trimItem(leaf.text);
    if (!body || isClosing(body)) continue;
    // "Đến nay, 13/14 sở đã đề xuất …; tuy nhiên … Giao Sở X chủ trì …": the report, then the assignment.
    const firstEnd = body.search(/[.;]/);
    const later = firstEnd >= 0 && isNarrative(body) ? /[.;]\s+(?=(?:giao|đề nghị|yêu cầu)\s)/iu.exec(body.slice(firstEnd)) : null;
    const assigned = later ? body.slice(firstEnd + later.index + later[0].length) : assignmentOf(body);
    const own = ownersOf(assigned, registry);
    // "Giao các sở, ngành gồm: - Sở Tài chính; - Sở Xây dựng … có trách nhiệm: a) … b) …": the names
    // alone are no task; they own the items that follow.
    if (own?.lead.length && isNameList(body, registry)) {
      listed = [...(listed ?? []), ...own.lead];
      continue;
    }
    // "Các đơn vị nêu trên có trách nhiệm:": the listed owners go on to the items below.
    if (listed && /:\s*$/.test(body) && /\b(?:nêu trên|kể trên|trên đây|nói trên)\b/iu.test(body)) continue;
    if (own?.lead.length) listed = null;
    // A heading owns its sub-items ("b) Giao Sở Nội vụ:", "1. Văn phòng UBND tỉnh"); the words that introduce a list do not.
    // A topic heading ("Đối với việc thi công tại … thuộc Phường 2 …:") names places, not owners, unless it says "giao".
    const topic = (c: string) => /^(?:đối với|về)\s/iu.test(c.trim());
    const inherited = [...leaf.context].reverse().map((c) => ownersAssignedIn(c, registry) ?? (topic(c) ? null : ownersOf(c, registry))).find((o) => o !== null) ?? null;
    // Without a lead-in, only a sentence that assigns (a command, or a registry unit as its subject) is an instruction.
    const assigns = own !== null && (COMMANDS.test(foldSameLength(assigned)) || (own.lead.length > 0 && !own.ownerText));
    if (!part && !assigns) {
      // With no lead-in, a paragraph that only says when (and to whom) to send what the one above asked is part of it.
      const prev = drafts.at(-1);
      const timing = findTimingWithWords(body, ctx);
      if (prev && !prev.timing && timing && /\b(?:gui|bao cao|nop)\b/.test(foldSameLength(body))) {
        prev.text = `${prev.text} ${body}`;
        prev.timing = timing.timing;
        prev.timingWords = timing.words;
        prev.timingFlag = timing.flag;
      }
      continue;
    }
    // "giao Trung tâm chủ trì" under "giao Trung tâm Xúc tiến Đầu tư …:": the short name of the heading's owner.
    const shortName = own && own.lead.length === 0 && own.ownerText && inherited?.words && fold(inherited.words).startsWith(fold(own.ownerText));
    // "Trách nhiệm chung của các cơ quan, đơn vị" (a heading, or the item's own subject): every addressee of "Kính gửi".
    const everyone = [...leaf.context, body].some((c) => /^(?:\d+\.\s*|[ivx]+\.\s*)?(?:trách nhiệm chung|nhiệm vụ chung)(?: của các (?:cơ quan|đơn vị|cơ quan, đơn vị))?\s*:?\s*$/iu.test(c.trim()) || /^(?:trách nhiệm chung của|các cơ quan, đơn vị)\s/iu.test(c.trim()));
    const addressed = everyone && !own?.lead.length && !inherited?.lead.length ? addressees(parts, registry) : null;
    const fromList: Owners | null = listed && !own?.lead.length ? { lead: [...new Map(listed.map((u) => [u.id, u])).values()], coordinating: [], ownerText: null, flags: [], words: listed.map((u) => u.name).join('; ') } : null;
    const owners = addressed ?? fromList ?? (shortName ? inherited : own) ?? inherited ?? generalOwners;
    if (isNarrative(assigned)) continue;
    // A plain paragraph right after an item, naming no unit of its own: the item's second paragraph.
    const prev = drafts.at(-1);
    if (!leaf.marked && prev && leaf.previous === prev.ordinal && !own?.lead.length) {
      prev.text = `${prev.text} ${body}`;
      const more = findTimingWithWords(body, ctx);
      if (!prev.timing && more) Object.assign(prev, { timing: more.timing, timingWords: more.words, timingFlag: more.flag });
      continue;
    }
    const timing = timingOf(leaf, body, ctx, generalTiming);
    const found = [body, ...leaf.context].flatMap((c) => coordinatingOf(c, registry));
    drafts.push({
      ordinal: leaf.ordinal,
      text: body,
      owners,
      ownerWords: owners?.words ?? null,
      timing: timing?.timing ?? null,
      timingWords: timing?.words ?? null,
      timingFlag: timing?.flag ?? null,
      coordinating: [...new Map(found.map((u) => [u.id, u])).values()],
      block: blockOf(body),
    });
  }
  return { drafts, preamble };
}
