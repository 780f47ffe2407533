/**
 * A conclusion's text → the proposal: its metadata, and for each directive its owners and
 * timing. Pure: the registry, the working-day calendar and "today" come in as arguments.
 */
import { createHash } from 'node:crypto';
import type { IsoDate } from '../domain/dates.js';
import { ValidationError, t } from '../domain/errors.js';
import { fold } from '../domain/text.js';
import type { Registry, Unit } from '../domain/units.js';
import type { WorkingCalendar } from '../domain/working-days.js';
import { findTiming, type DeadlineContext } from './deadlines.js';
import { findDirectivePart } from './directive-part.js';
import { leavesOf, splitItems } from './items.js';
import { extractMetadata, partsOfNumber } from './metadata.js';
import { isNarrative } from './narrative.js';
import { normalizeText, trimItem } from './normalize.js';
import { coordinatingOf, ownersAssignedIn, ownersOf } from './owners.js';
import type { Flag, Proposal, ProposedDirective, SourceMeta, Timing } from './types.js';

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



function withoutUnits(units: Unit[], leave: Unit[]): Unit[] {
  return units.filter((u) => !leave.some((l) => l.id === u.id));
}

/** The coordinating units of the tasks: each task's lead is never its own coordinator. */
function coordinatingFor(found: Unit[], lead: Unit[]): Unit[] {
  if (lead.length <= 1) return withoutUnits(found, lead);
  return found;
}

function metadataWith(meta: SourceMeta, overrides: ParseOptions['overrides']): SourceMeta {
  const out = { ...meta };
  if (overrides.number !== undefined && overrides.number !== null) Object.assign(out, { number: overrides.number }, partsOfNumber(overrides.number));
  if (overrides.kind !== undefined) out.kind = overrides.kind;
  if (overrides.issuedOn !== undefined) out.issuedOn = overrides.issuedOn;
  if (overrides.meetingOn !== undefined) out.meetingOn = overrides.meetingOn;
  return out;
}

export function parseConclusion(raw: string, options: ParseOptions): Proposal {
  const text = normalizeText(raw);
  const part = findDirectivePart(text);
  const lines = part ? part.lines : text.split('\n').map((l) => l.trim()).filter(Boolean);
  const leadIn = part?.leadIn ?? '';
  const before = part ? text.slice(0, Math.max(0, text.indexOf(leadIn))) : '';
  const source = metadataWith(extractMetadata(text, before), options.overrides);
  const ctx: DeadlineContext = { base: source.issuedOn ?? source.meetingOn ?? options.today, calendar: options.calendar };
  // Page numbers ("2", "- 3 -", "Trang 4/5") that PDF pages leave between the lines.
  const { preamble, items } = splitItems(lines.filter((l) => !/^(?:trang\s*)?[-–\s]*\d{1,3}(?:\s*\/\s*\d{1,3})?[-–\s]*$/iu.test(l)));
  const { registry } = options;
  const preambleOwners = preamble ? ownersOf(preamble, registry) : null;
  // A preamble names owners for all items only when it names units and nothing else ("Giao Văn phòng Sở:").
  const generalOwners = ownersAssignedIn(`${leadIn} ${preamble}`, registry) ?? (preambleOwners?.lead.length && !preambleOwners.ownerText ? preambleOwners : null);
  const generalTiming = (preamble ? findTiming(preamble, ctx) : null) ?? findTiming(leadIn, ctx);

  const directives: ProposedDirective[] = [];
  for (const leaf of leavesOf(items)) {
    const body = trimItem(leaf.text);
    if (!body) continue;
    // Without a lead-in, only items that name an owner and do not report ("… đã …") are instructions.
    const own = ownersOf(body, registry);
    if (!part && !own) continue;
    const inherited = [...leaf.context].reverse().map((c) => ownersOf(c, registry)).find((o) => o !== null) ?? null;
    const owners = own ?? inherited ?? generalOwners;
    if (isNarrative(body)) continue;
    const timing: Timing | null =
      findTiming(body, ctx) ?? [...leaf.context].reverse().map((c) => findTiming(c, ctx)).find((x) => x !== null) ?? generalTiming;
    const lead = owners?.lead ?? [];
    const found = [body, ...leaf.context].flatMap((c) => coordinatingOf(c, registry));
    const flags: Flag[] = [];
    if (!owners) flags.push('no_owner');
    else flags.push(...owners.flags);
    if (!timing) flags.push('no_deadline');
    if (timing?.kind === 'due' && source.issuedOn && timing.due < source.issuedOn) flags.push('deadline_before_issue');
    directives.push({
      ordinal: leaf.ordinal,
      text: body,
      owners: {
        lead,
        coordinating: coordinatingFor([...new Map(found.map((u) => [u.id, u])).values()], lead),
        ownerText: owners?.ownerText ?? null,
        flags: owners?.flags ?? [],
      },
      timing,
      flags,
    });
  }
  if (directives.length === 0) {
    throw new ValidationError(
      t('không tìm thấy ý kiến chỉ đạo nào trong văn bản', 'no directive found in the text'),
      t('văn bản cần có câu dẫn như "Giám đốc Sở yêu cầu/giao … như sau:" rồi các mục đánh số, hoặc mỗi dòng một nhiệm vụ có nêu đơn vị', 'the text needs a lead-in such as "… yêu cầu/giao … như sau:" followed by numbered items, or one item a line naming a unit'),
    );
  }
  return { source, directives, contentHash: contentHash(raw) };
}
