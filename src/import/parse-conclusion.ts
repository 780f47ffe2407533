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
import { bodyDirectives } from './body-directives.js';
import type { DeadlineContext } from './deadlines.js';
import { findDirectivePart } from './directive-part.js';
import type { Leaf } from './items.js';
import { foldedOf, type Block } from './layout/block.js';
import { textBlocks } from './layout/text-layout.js';
import { extractMetadata, partsOfNumber } from './metadata.js';
import { foldSameLength, normalizeText } from './normalize.js';
import { documentParts } from './structure/parts.js';
import { tableDirectives } from './structure/task-table.js';
import type { Draft, Evidence, Flag, Proposal, ProposedDirective, SourceMeta } from './types.js';

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
