/**
 * A conclusion → the proposal: its metadata, and for each directive its owners and timing, in
 * three layers: layout (blocks: paragraphs, table rows, notes), structure (header, Kính gửi,
 * body, closing, Nơi nhận, signature, appendix) and clauses (owners, time roles). Pure: the
 * registry, the working-day calendar and "today" come in as arguments.
 */
import { createHash } from 'node:crypto';
import type { IsoDate } from '../domain/dates.js';
import { ValidationError, t } from '../domain/errors.js';
import { fold } from '../domain/text.js';
import type { Registry } from '../domain/units.js';
import type { WorkingCalendar } from '../domain/working-days.js';
import { findTimingWithWords, type DeadlineContext } from './deadlines.js';
import { findDirectivePart } from './directive-part.js';
import { leavesOf, splitItems, type Leaf } from './items.js';
import type { Block } from './layout/block.js';
import { textBlocks } from './layout/text-layout.js';
import { extractMetadata, partsOfNumber } from './metadata.js';
import { isNarrative } from './narrative.js';
import { normalizeText, trimItem, foldSameLength } from './normalize.js';
import { COMMANDS } from './grammar.js';
import { coordinatingOf, ownersAssignedIn, ownersOf } from './owners.js';
import { resolvePhrase } from './resolve-phrase.js';
import { findMentions } from './unit-mentions.js';
import { documentParts, isClosing, type Parts } from './structure/parts.js';
import { tableDirectives } from './structure/task-table.js';
import { assignmentOf, isAssessmentHeading } from './structure/body.js';
import type { Evidence, Flag, Owners, Proposal, ProposedDirective, SourceMeta, Timing } from './types.js';

export interface ParseOptions {
  registry: Registry;
  calendar: WorkingCalendar;
  today: IsoDate;
  /** Values the user gave on the command line; they win over what the text says. */
  overrides: Partial<Pick<SourceMeta, 'kind' | 'number' | 'issuedOn' | 'meetingOn'>>;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(fold(normalizeText(text))).digest('hex');
}

function metadataWith(meta: SourceMeta, overrides: ParseOptions['overrides']): SourceMeta {
  const out = { ...meta };
  if (overrides.number !== undefined && overrides.number !== null) Object.assign(out, { number: overrides.number }, partsOfNumber(overrides.number));
  if (overrides.kind !== undefined) out.kind = overrides.kind;
  if (overrides.issuedOn !== undefined) out.issuedOn = overrides.issuedOn;
  if (overrides.meetingOn !== undefined) out.meetingOn = overrides.meetingOn;
  return out;
}

const foldedBlocks = new WeakMap<Block, string>();

/** A block's text folded once, whitespace collapsed: looked up for every directive's evidence. */
function foldedOf(b: Block): string {
  let out = foldedBlocks.get(b);
  if (out === undefined) foldedBlocks.set(b, (out = foldSameLength(b.text).replace(/\s+/g, ' ')));
  return out;
}

/** Where words stand in the source: the first block of `blocks` that holds them. */
function locate(words: string, blocks: Block[], from: Block | null, index: Map<Block, number>): Evidence {
  const probe = foldSameLength(words).replace(/\s+/g, ' ').trim().slice(0, 60);
  const start = from ? (index.get(from) ?? 0) : 0;
  let found = from;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[(start + i) % blocks.length];
    if (foldedOf(b).includes(probe)) {
      found = b;
      break;
    }
  }
  return { words, page: found?.page ?? 1, line: found?.line ?? 1 };
}

export interface Draft {
  ordinal: string;
  text: string;
  owners: Owners | null;
  ownerWords: string | null;
  timing: Timing | null;
  timingWords: string | null;
  timingFlag: Flag | null;
  coordinating: Owners['coordinating'];
  block: Block | null;
}

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

function bodyDirectives(parts: Parts, metaBefore: string[], ctx: DeadlineContext, registry: Registry): { drafts: Draft[]; preamble: string } {
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
  // Items come in the order of the paragraphs: the search goes on from where the last one was found.
  let cursor = 0;
  const blockOf = (text: string): Block | null => {
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
    // A task with its details is done when the last detail is.
    const self = findTimingWithWords(leaf.details ? `${body} ${leaf.details.join(' ')}` : body, ctx);
    // A month or a date in a heading or a lead-in is not each item's deadline; a schedule of the item just above is.
    const parent = self ? null : leaf.context.length ? findTimingWithWords(leaf.context.at(-1)!, ctx) : null;
    const fromContext = parent?.timing && (parent.timing.kind !== 'due' || /\d{1,2}\s*[/.-]\s*\d{1,2}|\d\s+tháng\s+\d/u.test(parent.words)) ? parent : null;
    const timing = self ?? fromContext ?? (generalTiming?.timing?.kind === 'due' ? generalTiming : null);
    const found = [body, ...leaf.context].flatMap((c) => coordinatingOf(c, registry));
    drafts.push({
      ordinal: leaf.ordinal,
      text: body,
      owners,
      ownerWords: own?.words ?? inherited?.words ?? generalOwners?.words ?? null,
      timing: timing?.timing ?? null,
      timingWords: timing?.words ?? null,
      timingFlag: timing?.flag ?? null,
      coordinating: [...new Map(found.map((u) => [u.id, u])).values()],
      block: blockOf(body),
    });
  }
  return { drafts, preamble };
}

export function parseBlocks(blocks: Block[], hashText: string, options: ParseOptions): Proposal {
  const parts = documentParts(blocks);
  const before: string[] = [];
  const { registry } = options;
  // A text with no formal header (a portal's copy): its first lines hold the title and the date.
  const headerText = (parts.header.length ? parts.header : parts.body.slice(0, 6)).map((b) => b.text).join('\n');
  // The base for "… kể từ ngày ký" is the issue date; the header says it before anything else is read.
  const preface = parts.body.filter((b) => b.kind === 'paragraph').map((b) => b.text);
  const leadAt = preface.findIndex((l) => findDirectivePart(l) !== null);
  const provisional = metadataWith(extractMetadata(headerText, (leadAt >= 0 ? preface.slice(0, leadAt + 1) : preface.slice(0, 3)).join('\n'), parts.title), options.overrides);
  const ctx: DeadlineContext = { base: provisional.issuedOn ?? provisional.meetingOn ?? options.today, calendar: options.calendar, issuedOn: provisional.issuedOn };
  const { drafts } = bodyDirectives(parts, before, ctx, registry);
  const source = metadataWith(extractMetadata(headerText, before.join('\n'), parts.title), options.overrides);
  if (!source.issuedOn && source.meetingOn) ctx.base = source.meetingOn;
  const tables = [...tableDirectives(parts.body.filter((b) => b.kind === 'row'), ctx, registry, false), ...tableDirectives(parts.appendix.filter((b) => b.kind === 'row'), ctx, registry, true)];
  // A body item with no owner that a table of tasks repeats (a kế hoạch lists its tasks, then assigns them
  // in the appendix) is the table's row, not a task of its own.
  const tabled = tables.map((d) => fold(d.text));
  const kept = drafts.filter((d) => d.owners?.lead.length || !tabled.some((row) => row.includes(fold(d.text).replace(/\s*\([^)]*\)\s*$/, '').replace(/[.;:]$/, '').slice(0, 80))));
  const all: Draft[] = [...kept, ...tables];
  const everyBlock = [...parts.header, ...parts.body, ...parts.appendix];
  const index = new Map(everyBlock.map((b, i) => [b, i]));
  const directives: ProposedDirective[] = all.map((d) => {
    const lead = d.owners?.lead ?? [];
    const flags: Flag[] = [];
    if (!d.owners) flags.push('no_owner');
    else flags.push(...d.owners.flags);
    if (d.timingFlag) flags.push(d.timingFlag);
    else if (!d.timing) flags.push('no_deadline');
    if (d.timing?.kind === 'due' && source.issuedOn && d.timing.due < source.issuedOn) flags.push('deadline_before_issue');
    const leadIds = new Set(lead.map((u) => u.id));
    const coordinating = lead.length <= 1 ? d.coordinating.filter((u) => !leadIds.has(u.id)) : d.coordinating;
    const timing = d.timing;
    return {
      ordinal: d.ordinal,
      text: d.text,
      owners: { lead, coordinating, ownerText: d.owners?.ownerText ?? null, flags: d.owners?.flags ?? [] },
      timing,
      flags: [...new Set(flags)],
      evidence: {
        owner: d.ownerWords ? locate(d.ownerWords, everyBlock, d.block, index) : null,
        timing: d.timingWords ? locate(d.timingWords, everyBlock, d.block, index) : null,
      },
    };
  });
  if (directives.length === 0) {
    throw new ValidationError(
      t('không tìm thấy ý kiến chỉ đạo nào trong văn bản', 'no directive found in the text'),
      t('văn bản cần có câu dẫn như "Giám đốc Sở yêu cầu/giao … như sau:" rồi các mục đánh số, hoặc mỗi dòng một nhiệm vụ có nêu đơn vị', 'the text needs a lead-in such as "… yêu cầu/giao … như sau:" followed by numbered items, or one item a line naming a unit'),
    );
  }
  return { source, directives, contentHash: contentHash(hashText), notes: parts.notes.map((n) => n.text) };
}

/** A plain text (a .txt, or any reader's text): its blocks, then the proposal. */
export function parseConclusion(raw: string, options: ParseOptions): Proposal {
  return parseBlocks(textBlocks(normalizeText(raw)), raw, options);
}

export type { Leaf };
