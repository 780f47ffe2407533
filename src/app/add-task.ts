/** `tasks add`: records a directive as one task per lead unit, or a recurring series. */
import { findSourceByNumber, insertSource } from '../db/source-repository.js';
import { insertSeries } from '../db/series-repository.js';
import { insertTask } from '../db/task-repository.js';
import { loadRegistry } from '../db/unit-repository.js';
import { formatDate, type IsoDate } from '../domain/dates.js';
import { ValidationError, t } from '../domain/errors.js';
import { firstPeriodStart, type Period } from '../domain/recurrence.js';
import type { SourceRef, TaskView } from '../domain/task.js';
import { cleanLine, fold } from '../domain/text.js';
import { resolveUnits, type Registry, type Unit } from '../domain/units.js';
import { audit, inTransaction, type Context } from './context.js';
import { viewsByIds } from './load-tasks.js';
import { createOccurrences } from './materialise-series.js';

export type Schedule =
  | { kind: 'due'; due: IsoDate }
  | { kind: 'ongoing' }
  | { kind: 'recurring'; every: Period; day: number | null; until: IsoDate | null };

export interface AddTaskInput {
  text: string;
  unit: string;
  coordinating: string[];
  schedule: Schedule;
  source: { number: string; issuedOn: IsoDate | null } | null;
}

/** "984/KH-SNgV" → "KH": the document kind in a Vietnamese document number. */
export function kindOfNumber(number: string): string | null {
  return /\/([A-ZĐ]+)-/u.exec(number)?.[1] ?? null;
}

/** The coordinating units named (a group stands for its members), each once. */
export function coordinatingUnits(registry: Registry, names: string[]): Unit[] {
  return [...new Map(names.flatMap((name) => resolveUnits(registry, name)).map((u) => [u.id, u])).values()];
}

async function sourceFor(ctx: Context, input: AddTaskInput['source']): Promise<SourceRef | null> {
  if (!input) return null;
  const number = cleanLine(input.number);
  if (!number) throw new ValidationError(t('số văn bản để trống', 'empty source number'));
  const existing = await findSourceByNumber(ctx.db, number);
  if (existing) return existing;
  const source = await insertSource(
    ctx.db,
    { kind: kindOfNumber(number), number, issuedOn: input.issuedOn, issuer: null, summary: null, meetingOn: null, chair: null },
    ctx.now().toISOString(),
  );
  await audit(ctx, 'source.add', {}, { source: source.id, number });
  return source;
}

/** What can be refused before the database is opened: an empty text, a future --issued, a bad --day or a past --until. */
function checkInput(ctx: Context, input: AddTaskInput): string {
  const text = cleanLine(input.text);
  if (!text) {
    throw new ValidationError(t('nội dung nhiệm vụ để trống', 'the task text is empty'), t('ghi nội dung trong dấu ngoặc kép: tasks add "Nội dung" --unit VP ...', 'quote the text: tasks add "Text" --unit VP ...'));
  }
  const { schedule } = input;
  if (input.source?.issuedOn && input.source.issuedOn > ctx.today) {
    throw new ValidationError(
      t(`ngày giao ${formatDate(input.source.issuedOn)} sau ngày hôm nay ${formatDate(ctx.today)}`, `the assignment date ${input.source.issuedOn} is after today ${ctx.today}`),
      t('kiểm tra lại --issued', 'check --issued'),
    );
  }
  if (schedule.kind === 'recurring') {
    if (schedule.day !== null && (!Number.isInteger(schedule.day) || schedule.day < 1 || schedule.day > 31)) {
      throw new ValidationError(t(`ngày trong kỳ không hợp lệ: ${schedule.day}`, `invalid day of period: ${schedule.day}`), t('--day nhận số từ 1 đến 31', '--day takes a number from 1 to 31'));
    }
    if (schedule.until !== null && schedule.until < ctx.today) {
      throw new ValidationError(t(`--until ${formatDate(schedule.until)} đã qua`, `--until ${schedule.until} is in the past`));
    }
  }
  return text;
}

interface NewTask {
  text: string;
  schedule: Schedule;
  lead: Unit;
  coordinating: Unit[];
  source: SourceRef | null;
  assignedOn: IsoDate;
  stamp: string;
}

/** A recurring series for one lead unit, and its occurrences due so far. */
async function addSeries(trx: Context, task: NewTask & { schedule: Extract<Schedule, { kind: 'recurring' }> }): Promise<number[]> {
  const { text, schedule, lead } = task;
  const series = {
    text,
    leadUnitId: lead.id,
    coordinatorIds: task.coordinating.map((u) => u.id),
    every: schedule.every,
    day: schedule.day,
    startsOn: task.assignedOn,
    untilOn: schedule.until,
    nextPeriodOn: firstPeriodStart(schedule.every, schedule.day, task.assignedOn),
    sourceId: task.source?.id ?? null,
    directiveId: null,
  };
  const seriesId = await insertSeries(trx.db, series, task.stamp);
  await audit(trx, 'series.add', { unitId: lead.id }, { series: seriesId, text, lead: lead.code, every: schedule.every, day: schedule.day, until: schedule.until });
  return createOccurrences(trx, { ...series, id: seriesId });
}

/** One task, dated or ongoing, for one lead unit. */
async function addOne(trx: Context, task: NewTask): Promise<number> {
  const { text, schedule, lead, coordinating, source, stamp } = task;
  const due = schedule.kind === 'due' ? schedule.due : null;
  const id = await insertTask(
    trx.db,
    {
      text,
      text_folded: fold(text),
      lead_unit_id: lead.id,
      ongoing: schedule.kind === 'ongoing' ? 1 : 0,
      original_due_on: due,
      due_on: due,
      assigned_on: task.assignedOn,
      source_id: source?.id ?? null,
      created_at: stamp,
      updated_at: stamp,
    },
    coordinating.map((u) => u.id),
  );
  await audit(trx, 'task.add', { taskId: id }, { text, lead: lead.code, coordinating: coordinating.map((u) => u.code), due, ongoing: schedule.kind === 'ongoing', source: source?.number ?? null });
  return id;
}

export async function addTask(ctx: Context, input: AddTaskInput): Promise<TaskView[]> {
  const text = checkInput(ctx, input);
  const { schedule } = input;
  const ids = await inTransaction(ctx, async (trx) => {
    const registry = await loadRegistry(trx.db);
    const leads = resolveUnits(registry, input.unit);
    const coordinators = coordinatingUnits(registry, input.coordinating);
    const source = await sourceFor(trx, input.source);
    const assignedOn = source?.issuedOn ?? source?.meetingOn ?? trx.today;
    if (schedule.kind === 'due' && schedule.due < assignedOn) {
      throw new ValidationError(
        t(`hạn xử lý ${formatDate(schedule.due)} trước ngày giao ${formatDate(assignedOn)}`, `due date ${schedule.due} is before the assignment date ${assignedOn}`),
        t('kiểm tra lại --due', 'check --due'),
      );
    }
    const stamp = trx.now().toISOString();
    const created: number[] = [];
    for (const lead of leads) {
      const task = { text, schedule, lead, coordinating: coordinators.filter((u) => u.id !== lead.id), source, assignedOn, stamp };
      if (schedule.kind === 'recurring') created.push(...(await addSeries(trx, { ...task, schedule })));
      else created.push(await addOne(trx, task));
    }
    return created;
  });
  return viewsByIds(ctx, ids);
}
