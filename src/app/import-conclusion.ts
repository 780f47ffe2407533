/**
 * `tasks import FILE`: reads the conclusion, proposes directives and tasks, and — after review —
 * writes the source, its directives and their tasks in one transaction. Importing the same
 * source again creates nothing.
 */
import { lockRule } from '../db/locks.js';
import { findImportedByHash, findSourceByNumberForImport, insertDirective, markImported, type ImportedSource } from '../db/import-repository.js';
import { pausePoint } from '../db/pause-point.js';
import { insertSeries } from '../db/series-repository.js';
import { insertSource } from '../db/source-repository.js';
import { insertTask } from '../db/task-repository.js';
import { loadRegistry } from '../db/unit-repository.js';
import { MAX_DATE, MIN_DATE, readDate, type IsoDate } from '../domain/dates.js';
import { ConflictError, ValidationError, t, type Text } from '../domain/errors.js';
import { firstPeriodStart, type Period } from '../domain/recurrence.js';
import { fold } from '../domain/text.js';
import { resolveUnits, type Registry, type Unit } from '../domain/units.js';
import { parseBlocks, parseConclusion, type ParseOptions } from '../import/parse-conclusion.js';
import type { SourceDocument } from '../import/read-source.js';
import { findTimingWithWords, type DeadlineContext } from '../import/deadlines.js';
import type { Flag, Proposal, ProposedDirective, SourceMeta, Timing } from '../import/types.js';
import { loadCalendar } from './calendar.js';
import { audit, inTransaction, type Context } from './context.js';
import { createOccurrences } from './materialise-series.js';
import type { PlannedDirective } from '../report-model/import-plan.js';

/** Named here too: the review prompt in cli/ takes it with the plan. */
export type { PlannedDirective };

export interface ImportPlan {
  proposal: Proposal;
  registry: Registry;
  /** A source with this number that exists already (perhaps made by `tasks add --source`). */
  existing: ImportedSource | null;
  alreadyImported: boolean;
}


/** What the reviewer decided for one directive; absent fields keep the proposal. */
export interface Decision {
  skip?: boolean;
  lead?: Unit[];
  /** The timing the reviewer typed, read as the importer reads a directive ("quý I/2027", "thường xuyên"). */
  timing?: Timing;
}

export interface FinishOptions {
  defaultDue: IsoDate | null;
  fallbackUnit: string | null;
}

function noUnits(): ValidationError {
  return new ValidationError(
    t('chưa có danh sách đơn vị nên không xác định được đơn vị chủ trì', 'no units yet, so no owner can be resolved'),
    t('nạp danh sách trước: tasks unit import data/units-sample.json', 'load a list first: tasks unit import data/units-sample.json'),
  );
}

export async function planImport(ctx: Context, document: SourceDocument | string, overrides: ParseOptions['overrides']): Promise<ImportPlan> {
  const registry = await loadRegistry(ctx.db);
  if (registry.units.filter((u) => u.active).length === 0) throw noUnits();
  const calendar = await loadCalendar(ctx);
  const options = { registry, calendar, today: ctx.today, overrides };
  const proposal = typeof document === 'string' ? parseConclusion(document, options) : parseBlocks(document.blocks, document.text, options);
  const { number, issuedOn } = proposal.source;
  if (number) {
    const existing = await findSourceByNumberForImport(ctx.db, number);
    if (existing?.importedAt && existing.issuedOn && issuedOn && existing.issuedOn.slice(0, 4) !== issuedOn.slice(0, 4)) {
      throw new ConflictError(
        t(`số văn bản ${number} đã dùng cho một văn bản năm ${existing.issuedOn.slice(0, 4)}`, `number ${number} already belongs to a ${existing.issuedOn.slice(0, 4)} source`),
        t('nhập với số có kèm năm, ví dụ --number "84/TB-SNgV (2022)"', 'import with the year in the number, e.g. --number "84/TB-SNgV (2022)"'),
      );
    }
    return { proposal, registry, existing, alreadyImported: existing?.importedAt != null };
  }
  const same = await findImportedByHash(ctx.db, proposal.contentHash);
  return { proposal, registry, existing: null, alreadyImported: same !== null };
}

/** The directives as they will be written. */
export function finishPlan(plan: ImportPlan, decisions: (Decision | undefined)[], options: FinishOptions): PlannedDirective[] {
  const fallback = options.fallbackUnit !== null ? resolveUnits(plan.registry, options.fallbackUnit) : null;
  return plan.proposal.directives.map((d, i) => {
    const decision = decisions[i] ?? {};
    let lead = decision.lead ?? d.owners.lead;
    let unassigned = decision.lead ? decision.lead.length === 0 : lead.length === 0 || d.owners.ownerText !== null;
    if (unassigned && fallback) {
      lead = [...lead, ...fallback.filter((u) => !lead.some((l) => l.id === u.id))];
      unassigned = false;
    }
    const timing = decision.timing ?? d.timing;
    const schedule: PlannedDirective['schedule'] = timing?.kind === 'ongoing' ? 'ongoing' : timing?.kind === 'recurring' ? 'recurring' : 'once';
    const due = timing?.kind === 'due' ? timing.due : timing === null ? options.defaultDue : null;
    const leadIds = new Set(lead.map((u) => u.id));
    const coordinating = lead.length === 1 ? d.owners.coordinating.filter((u) => !leadIds.has(u.id)) : d.owners.coordinating;
    return {
      ordinal: d.ordinal,
      text: d.text,
      lead,
      unassigned,
      ownerText: unassigned ? d.owners.ownerText : null,
      coordinating,
      schedule,
      due,
      every: schedule === 'recurring' && timing?.kind === 'recurring' ? timing.every : null,
      day: schedule === 'recurring' && timing?.kind === 'recurring' ? timing.day : null,
      // A timing the reviewer set answers the document's impossible or relative deadline.
      flags: decision.timing ? d.flags.filter((f) => !f.startsWith('deadline_')) : d.flags,
      evidence: d.evidence,
      skipped: decision.skip === true,
    };
  });
}

/**
 * Reads a reviewer's answer for a directive's timing with the importer's own parser, counted from
 * the same day as the document's phrases: a date (31/12/2026), a deadline ("trước ngày
 * 15/01/2027", "quý I/2027"), a recurrence ("hằng tháng trước ngày 20") or "thường xuyên".
 * The reader returns the timing, or the reason it cannot be one.
 */
export async function timingAnswerReader(ctx: Context, plan: ImportPlan): Promise<(answer: string) => Timing | Text> {
  const calendar = await loadCalendar(ctx);
  const { issuedOn, meetingOn } = plan.proposal.source;
  const deadlines: DeadlineContext = { base: issuedOn ?? meetingOn ?? ctx.today, calendar, issuedOn };
  return (answer) => {
    const text = answer.trim();
    const date = readDate(text);
    if (date !== null) return date >= MIN_DATE && date <= MAX_DATE ? { kind: 'due', due: date, yearGiven: true } : t(`ngày ngoài khoảng cho phép: "${text}"`, `date out of range: "${text}"`);
    // A deadline named alone ("quý I/2027", "tháng 6/2027") reads as the document's "hạn …" would.
    for (const phrase of [text, `hạn ${text}`]) {
      const found = findTimingWithWords(phrase, deadlines);
      if (found?.timing) return found.timing;
      if (found?.flag === 'deadline_invalid') return t(`thời hạn không có thật: "${text}"`, `no such date: "${text}"`);
    }
    return t(
      `không đọc được thời hạn "${text}"; ví dụ: 31/12/2026, trước ngày 15/01/2027, quý I/2027, hằng tháng trước ngày 20, thường xuyên`,
      `cannot read the timing "${text}"; e.g. 31/12/2026, trước ngày 15/01/2027, quý I/2027, hằng tháng trước ngày 20, thường xuyên`,
    );
  };
}

export function taskCountOf(directives: PlannedDirective[]): number {
  return directives.filter((d) => !d.skipped).reduce((n, d) => n + d.lead.length + (d.unassigned ? 1 : 0), 0);
}

export interface ImportResult {
  sourceId: number;
  taskIds: number[];
  /** Another import of the same source committed between the plan and this transaction: nothing written. */
  alreadyImported?: boolean;
}

async function sourceFor(ctx: Context, plan: ImportPlan, meta: SourceMeta): Promise<number> {
  const stamp = ctx.now().toISOString();
  const mark = { hash: plan.proposal.contentHash, importedAt: stamp, kind: meta.kind, issuer: meta.issuer, issuedOn: meta.issuedOn, meetingOn: meta.meetingOn, chair: meta.chair, summary: meta.title };
  if (plan.existing) {
    await markImported(ctx.db, plan.existing.id, mark);
    return plan.existing.id;
  }
  const source = await insertSource(ctx.db, { kind: meta.kind, number: meta.number, issuedOn: meta.issuedOn, issuer: meta.issuer, summary: meta.title, meetingOn: meta.meetingOn, chair: meta.chair }, stamp);
  await markImported(ctx.db, source.id, mark);
  return source.id;
}

export interface WriteTarget {
  sourceId: number;
  directiveId: number;
  assignedOn: IsoDate;
  /** The later of the assignment day and the as-of day: where a recurring directive starts. */
  recordedOn: IsoDate;
  stamp: string;
}

/** Inside a transaction: the tasks (or series) of one directive for the given owners (null: unassigned). */
export async function writeDirectiveTasks(trx: Context, target: WriteTarget, d: PlannedDirective, owners: (Unit | null)[], onTask?: (id: number) => Promise<void>): Promise<number[]> {
  const { sourceId, directiveId, assignedOn, recordedOn, stamp } = target;
  const taskIds: number[] = [];
  for (const lead of owners) {
    const coordinatorIds = d.coordinating.filter((u) => u.id !== lead?.id).map((u) => u.id);
    if (d.schedule === 'recurring' && lead && d.every) {
      const series = { text: d.text, leadUnitId: lead.id, coordinatorIds, every: d.every, day: d.day, startsOn: assignedOn, untilOn: null, nextPeriodOn: firstPeriodStart(d.every, d.day, recordedOn), sourceId, directiveId };
      const seriesId = await insertSeries(trx.db, series, stamp);
      await audit(trx, 'series.add', { unitId: lead.id }, { series: seriesId, text: d.text, lead: lead.code, every: d.every, day: d.day, import: sourceId });
      taskIds.push(...(await createOccurrences(trx, { ...series, id: seriesId })));
      continue;
    }
    const id = await insertTask(
      trx.db,
      {
        text: d.text,
        text_folded: fold(d.text),
        lead_unit_id: lead?.id ?? null,
        owner_text: lead ? null : d.ownerText,
        ongoing: d.schedule === 'ongoing' ? 1 : 0,
        original_due_on: d.due,
        due_on: d.due,
        assigned_on: assignedOn,
        source_id: sourceId,
        directive_id: directiveId,
        created_at: stamp,
        updated_at: stamp,
      },
      coordinatorIds,
    );
    await audit(trx, 'task.add', { taskId: id }, { text: d.text, lead: lead?.code ?? null, ownerText: lead ? null : d.ownerText, due: d.due, ongoing: d.schedule === 'ongoing', import: sourceId, ordinal: d.ordinal });
    taskIds.push(id);
    await onTask?.(id);
  }
  return taskIds;
}

export function ownersOf(d: PlannedDirective): (Unit | null)[] {
  return [...d.lead, ...(d.unassigned ? [null] : [])];
}

/** The assignment day of an import, and the day its recurring directives count from. */
export function importDays(meta: SourceMeta, today: IsoDate): { assignedOn: IsoDate; recordedOn: IsoDate } {
  const assignedOn = meta.issuedOn ?? meta.meetingOn ?? today;
  // A conclusion is often imported days after it was issued: a recurring directive starts with
  // the first period whose due day is still ahead on the day it is recorded, so it is never
  // overdue on the day it is imported.
  return { assignedOn, recordedOn: assignedOn > today ? assignedOn : today };
}

/** Writes everything in one transaction: all of it, or nothing. */
export async function commitImport(ctx: Context, plan: ImportPlan, directives: PlannedDirective[]): Promise<ImportResult> {
  const meta = plan.proposal.source;
  return inTransaction(ctx, async (trx) => {
    // The duplicate check again, in the transaction that writes (and on PostgreSQL under a lock
    // every import takes): eight imports of one conclusion at once create its tasks once.
    await lockRule(trx.db, 'import');
    const existing = meta.number ? await findSourceByNumberForImport(trx.db, meta.number) : null;
    const seen = meta.number ? existing?.importedAt != null : (await findImportedByHash(trx.db, plan.proposal.contentHash)) !== null;
    if (seen) return { sourceId: existing?.id ?? 0, taskIds: [], alreadyImported: true };
    const sourceId = await sourceFor(trx, { ...plan, existing }, meta);
    await pausePoint('import:source');
    const days = importDays(meta, trx.today);
    const stamp = trx.now().toISOString();
    const taskIds: number[] = [];
    let paused = false;
    const pauseOnce = async () => {
      if (!paused) await pausePoint('import:task');
      paused = true;
    };
    for (const d of directives.filter((x) => !x.skipped)) {
      const directiveId = await insertDirective(trx.db, sourceId, d.ordinal, d.text);
      taskIds.push(...(await writeDirectiveTasks(trx, { sourceId, directiveId, ...days, stamp }, d, ownersOf(d), pauseOnce)));
    }
    await audit(trx, 'source.import', {}, { source: sourceId, number: meta.number, directives: directives.filter((x) => !x.skipped).length, tasks: taskIds.length });
    await pausePoint('import:commit');
    return { sourceId, taskIds };
  });
}
