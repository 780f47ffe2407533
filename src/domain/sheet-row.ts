/**
 * One row of a tracker spreadsheet → the task(s) it records, or the reasons it cannot be taken,
 * in the words the validation report shows ("không có đơn vị 'Phòng KT'").
 */
import { MAX_CELL } from './limits.js';
import { formatDate, type IsoDate } from './dates.js';
import { t, type Text } from './errors.js';
import type { SheetField } from './sheet-columns.js';
import { cellText, isOngoingWord, readDateCell, splitNames, statusWord, type CellValue } from './sheet-values.js';
import { cleanLine } from './text.js';
import { findUnitOrGroup, membersOf, type Registry, type Unit } from './units.js';

export interface PlannedTask {
  line: number;
  text: string;
  /** One task per lead; an empty list is one unassigned task. */
  leads: Unit[];
  ownerText: string | null;
  coordinating: Unit[];
  ongoing: boolean;
  originalDue: IsoDate | null;
  due: IsoDate | null;
  extension: { grantedOn: IsoDate; reason: string } | null;
  assignedOn: IsoDate;
  source: { number: string; issuedOn: IsoDate | null } | null;
  completedOn: IsoDate | null;
  evidence: string | null;
  completionNote: string | null;
  cancelledOn: IsoDate | null;
  cancelReason: string | null;
  notes: { on: IsoDate; note: string }[];
}

/** A deadline in words as the import layer reads it; only its kind and date matter here. */
export type DeadlineWords = { kind: 'due'; due: IsoDate } | { kind: 'ongoing' } | { kind: 'recurring' };

export interface RowContext {
  registry: Registry;
  /** Reads a deadline in words ("trong 15 ngày", "trước 30/6") counted from `base`: import/deadlines.ts. */
  readDeadline: (words: string, base: IsoDate) => DeadlineWords | null;
  today: IsoDate;
  /** The issue (else meeting) date of a source already in the database, by number. */
  knownSourceDate: (number: string) => IsoDate | null | undefined;
}

export type RowOutcome = { kind: 'empty' } | { kind: 'task'; task: PlannedTask } | { kind: 'bad'; line: number; reasons: Text[] };

/** Unit names resolve once per distinct cell: a tracker repeats the same few thousands of times. */
const unitCache = new WeakMap<Registry, Map<string, Unit[] | string>>();

/** The units a cell names (a group stands for its members), or the first name not found. */
function unitsOf(registry: Registry, text: string): Unit[] | string {
  let cache = unitCache.get(registry);
  if (!cache) unitCache.set(registry, (cache = new Map()));
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const resolve = (name: string): Unit[] | null => {
    const found = findUnitOrGroup(registry, name);
    if (!found) return null;
    return found.kind === 'unit' ? [found.unit] : membersOf(registry, found.group);
  };
  let result: Unit[] | string = [];
  const units: Unit[] = [];
  const add = (found: Unit[]) => {
    for (const u of found) if (!units.some((x) => x.id === u.id)) units.push(u);
  };
  // Names are split on ";" and line breaks first: a unit's own name may hold a comma
  // ("Phòng Đo đạc, Bản đồ và Viễn thám"); only a piece that names nothing is split on commas.
  outer: for (const piece of [text, ...text.split(/[;\n\r]+/)].slice(text.match(/[;\n\r]/) ? 1 : 0)) {
    const name = piece.replace(/^\s*[-+•]\s*/, '').trim();
    if (!name) continue;
    const whole = resolve(name);
    if (whole) {
      add(whole);
      continue;
    }
    for (const part of splitNames(name)) {
      const found = resolve(part);
      if (!found) {
        result = part;
        break outer;
      }
      add(found);
    }
  }
  if (typeof result !== 'string') result = units;
  cache.set(text, result);
  return result;
}

/** One row's cells by field, and the reasons it is refused so far, in the order they are found. */
interface RowReader {
  raw: Map<SheetField, CellValue>;
  reasons: Text[];
  text(field: SheetField): string;
  date(field: SheetField, vi: string, en: string): IsoDate | null;
}

/** The first non-empty cell of each field, or null for a row with nothing in it. */
function readCells(cells: CellValue[], fields: (SheetField | null)[]): RowReader | null {
  const raw = new Map<SheetField, CellValue>();
  let any = false;
  for (let i = 0; i < fields.length && i < cells.length; i++) {
    const field = fields[i];
    const value = cells[i];
    if (value === null || value === '' || (typeof value === 'string' && !value.trim())) continue;
    if (field === null || field === 'ignore' || field === 'no') continue;
    any = true;
    if (!raw.has(field)) raw.set(field, value);
  }
  if (!any) return null;
  const reasons: Text[] = [];
  for (const [field, value] of raw) {
    if (typeof value === 'string' && value.length > MAX_CELL) reasons.push(t(`ô ${field} dài ${value.length} ký tự, tối đa ${MAX_CELL}`, `the ${field} cell is ${value.length} characters long, at most ${MAX_CELL}`));
  }
  return {
    raw,
    reasons,
    text: (field) => cleanLine(cellText(raw.get(field) ?? null)),
    date: (field, vi, en) => {
      const cell = readDateCell(raw.get(field) ?? null);
      if (cell.kind === 'date') return cell.date;
      if (cell.kind === 'text') reasons.push(t(`${vi} không hợp lệ: '${cell.text}'`, `invalid ${en}: '${cell.text}'`));
      return null;
    },
  };
}

/** The lead units (a group stands for its members) and the coordinating ones. */
function readOwners(r: RowReader, registry: Registry): { leads: Unit[]; coordinating: Unit[] } {
  let leads: Unit[] = [];
  const leadText = r.text('lead');
  if (leadText) {
    const found = unitsOf(registry, leadText);
    if (typeof found === 'string') r.reasons.push(t(`không có đơn vị '${found}'`, `no unit '${found}'`));
    else if (found.length === 0) r.reasons.push(t(`nhóm '${leadText}' không có đơn vị nào`, `group '${leadText}' has no units`));
    else leads = found;
  }
  let coordinating: Unit[] = [];
  const coordText = r.text('coordinating');
  if (coordText) {
    const found = unitsOf(registry, coordText);
    if (typeof found === 'string') r.reasons.push(t(`không có đơn vị phối hợp '${found}'`, `no coordinating unit '${found}'`));
    else coordinating = found;
  }
  return { leads, coordinating };
}

/** The due cell: a date, "thường xuyên", or words counted from `assignedOn` ("15 ngày" read as "trong 15 ngày"). */
function readDue(r: RowReader, ctx: RowContext, assignedOn: IsoDate): { due: IsoDate | null; ongoing: boolean } {
  const dueCell = readDateCell(r.raw.get('due') ?? null);
  if (dueCell.kind === 'date') return { due: dueCell.date, ongoing: false };
  if (dueCell.kind !== 'text') return { due: null, ongoing: false };
  const words = dueCell.text;
  if (isOngoingWord(words)) return { due: null, ongoing: true };
  const timing = ctx.readDeadline(words, assignedOn) ?? ctx.readDeadline(`trong ${words}`, assignedOn);
  if (timing?.kind === 'due') return { due: timing.due, ongoing: false };
  if (timing?.kind === 'ongoing') return { due: null, ongoing: true };
  if (timing?.kind === 'recurring') r.reasons.push(t(`thời hạn định kỳ '${words}' chưa nhập được từ bảng tính`, `recurring deadline '${words}' cannot be imported from a sheet`));
  else r.reasons.push(t(`hạn xử lý không hợp lệ: '${words}'`, `invalid due date: '${words}'`));
  return { due: null, ongoing: false };
}

/** The status column against the dates: "done" needs a completion date, "cancelled" a cancellation date. */
function checkStatus(r: RowReader, completedOn: IsoDate | null, cancelledOn: IsoDate | null): ReturnType<typeof statusWord> {
  const status = statusWord(r.text('status'));
  if (status === 'done' && completedOn === null) {
    r.reasons.push(t(`tình trạng '${r.text('status')}' nhưng không có ngày hoàn thành`, `status '${r.text('status')}' but no completion date`));
  }
  if (status === 'cancelled' && cancelledOn === null) {
    r.reasons.push(t(`tình trạng '${r.text('status')}' nhưng không có ngày dừng thực hiện`, `status '${r.text('status')}' but no cancellation date`));
  }
  if (completedOn && cancelledOn) r.reasons.push(t('có cả ngày hoàn thành và ngày dừng thực hiện', 'both a completion and a cancellation date'));
  return status;
}

/** The days in order: the first due date and the completion neither before the assignment, nor a completion after today. */
function checkDayOrder(r: RowReader, first: IsoDate | null, assignedOn: IsoDate, completedOn: IsoDate | null, today: IsoDate): void {
  if (first !== null && first < assignedOn) {
    r.reasons.push(t(`hạn xử lý ${formatDate(first)} trước ngày giao ${formatDate(assignedOn)}`, `due date ${first} is before the assignment date ${assignedOn}`));
  }
  if (completedOn !== null && completedOn > today) {
    r.reasons.push(t(`ngày hoàn thành ${formatDate(completedOn)} sau ngày hôm nay ${formatDate(today)}`, `completion ${completedOn} is after today ${today}`));
  }
  if (completedOn !== null && completedOn < assignedOn) {
    r.reasons.push(t(`ngày hoàn thành ${formatDate(completedOn)} trước ngày giao ${formatDate(assignedOn)}`, `completion ${completedOn} is before the assignment date ${assignedOn}`));
  }
}

/** The progress note and the sheet's own note, each dated. */
function notesOf(r: RowReader, progressOn: IsoDate | null, completedOn: IsoDate | null, assignedOn: IsoDate, today: IsoDate): PlannedTask['notes'] {
  const notes: PlannedTask['notes'] = [];
  const progress = r.text('progress');
  if (progress) notes.push({ on: progressOn ?? completedOn ?? today, note: progress });
  const note = r.text('note');
  if (note) notes.push({ on: assignedOn, note: `Ghi chú: ${note}` });
  return notes;
}

export function planRow(line: number, cells: CellValue[], fields: (SheetField | null)[], ctx: RowContext): RowOutcome {
  const r = readCells(cells, fields);
  if (r === null) return { kind: 'empty' };

  const taskText = r.text('text');
  if (!taskText) r.reasons.push(t('thiếu nội dung nhiệm vụ', 'no task text'));
  const { leads, coordinating } = readOwners(r, ctx.registry);

  const sourceNumber = r.text('source');
  const sourceDate = r.date('sourceDate', 'ngày văn bản', 'document date');
  const assignedCell = r.date('assignedOn', 'ngày giao', 'assignment date');
  const known = sourceNumber ? ctx.knownSourceDate(sourceNumber) : undefined;
  const statedAssigned = assignedCell ?? sourceDate ?? known ?? null;
  // Until the dates below are read, relative deadlines count from the stated day or today.
  let assignedOn = statedAssigned ?? ctx.today;

  let { due, ongoing } = readDue(r, ctx, assignedOn);
  let originalDue = r.date('originalDue', 'hạn ban đầu', 'original due date');
  const extendedOn = r.date('extendedOn', 'ngày gia hạn', 'extension date');
  const completedOn = r.date('completedOn', 'ngày hoàn thành', 'completion date');
  const cancelledOn = r.date('cancelledOn', 'ngày dừng thực hiện', 'cancellation date');
  const progressOn = r.date('progressOn', 'ngày báo cáo tiến độ', 'progress date');

  if (checkStatus(r, completedOn, cancelledOn) === 'ongoing' && due === null) ongoing = true;
  if (due === null && originalDue !== null && !ongoing) due = originalDue;
  if (originalDue === null) originalDue = due;
  if (ongoing) {
    due = null;
    originalDue = null;
  }
  const first = originalDue ?? due;
  if (statedAssigned === null) {
    // A tracker without "Ngày giao" nor a source date: the task was assigned by the earliest
    // day its row mentions, and never after the as-of day.
    const days = [first, completedOn, cancelledOn, extendedOn, ctx.today].filter((d): d is IsoDate => d !== null);
    assignedOn = days.reduce((a, b) => (b < a ? b : a));
  }
  checkDayOrder(r, first, assignedOn, completedOn, ctx.today);
  if (r.reasons.length) return { kind: 'bad', line, reasons: r.reasons };

  const extension =
    originalDue !== null && due !== null && originalDue !== due
      ? { grantedOn: extendedOn ?? assignedOn, reason: r.text('extensionReason') || 'Gia hạn (theo bảng theo dõi nhập vào)' }
      : null;
  return {
    kind: 'task',
    task: {
      line,
      text: taskText,
      leads,
      ownerText: leads.length ? null : r.text('ownerText') || null,
      coordinating: coordinating.filter((u) => leads.length !== 1 || u.id !== leads[0].id),
      ongoing,
      originalDue,
      due,
      extension,
      assignedOn,
      source: sourceNumber ? { number: sourceNumber, issuedOn: sourceDate } : null,
      completedOn,
      evidence: r.text('evidence') || null,
      completionNote: r.text('completionNote') || null,
      cancelledOn,
      cancelReason: cancelledOn ? r.text('cancelReason') || 'Dừng thực hiện (bảng theo dõi không ghi lý do)' : null,
      notes: notesOf(r, progressOn, completedOn, assignedOn, ctx.today),
    },
  };
}
