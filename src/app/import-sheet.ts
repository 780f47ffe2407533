/**
 * `tasks import-sheet FILE`: an existing tracker (Ikepler's or an office's own Excel list) into
 * the database. The sheet is read as a stream and every row checked first; then, only when
 * every row is good (or bad ones are to be skipped), all of it is written in one transaction
 * with multi-row inserts, one audit entry per task and one for the import.
 */
import path from 'node:path';
import {
  findSheetImport,
  insertAuditRows,
  insertCoordinatorRows,
  insertExtensionRows,
  insertNoteRows,
  insertSourceRows,
  insertTaskRows,
  sourcesByNumber,
  type AuditRow,
  type EarlierSheetImport,
} from '../db/bulk-repository.js';
import { loadRegistry } from '../db/unit-repository.js';
import type { NewTaskRow } from '../db/schema.js';
import { formatDate, type IsoDate } from '../domain/dates.js';
import { ConflictError, ValidationError, t, type Text } from '../domain/errors.js';
import { headerScore, headerKey, layoutOf, type ColumnMap, type SheetField } from '../domain/sheet-columns.js';
import { cellText } from '../domain/sheet-values.js';
import { fold } from '../domain/text.js';
import { checkSheetFile, hashSheetFile, readSheetRows } from '../sheet/open-sheet.js';
import { progressBar, type ProgressStream } from '../sheet/progress.js';
import { findTiming } from '../import/deadlines.js';
import { kindOfNumber } from './add-task.js';
import { loadCalendar } from './calendar.js';
import { lockRule } from '../db/locks.js';
import { audit, inTransaction, type Context } from './context.js';
import { planRow, type PlannedTask } from '../domain/sheet-row.js';
import type { BadRow, SheetImportReport } from '../report-model/sheet-import.js';

export interface SheetImportInput {
  file: string;
  sheet?: string;
  map: ColumnMap | null;
  dryRun: boolean;
  skipBad: boolean;
  /** Import a file whose very bytes were imported before. */
  again: boolean;
  /** Where a progress bar may be drawn (a terminal's stderr); none, no bar. */
  progressTo?: ProgressStream;
}



/** Rows looked at for the header: trackers put a title and a subtitle above it. */
const HEADER_SEARCH_ROWS = 30;

function noHeader(file: string, map: ColumnMap | null): ValidationError {
  return new ValidationError(
    t(`không tìm thấy dòng tiêu đề có cột nội dung nhiệm vụ trong "${file}"`, `no header row with a task text column in "${file}"`),
    map
      ? t('kiểm tra tên cột trong --map, ví dụ --map "Tên công việc=text"', 'check the headers named in --map, e.g. --map "Task=text"')
      : t('đặt tên cột bằng --map, ví dụ --map "Tên công việc=text,Phòng=lead,Hạn=due"', 'name the columns with --map, e.g. --map "Task=text,Unit=lead,Deadline=due"'),
  );
}

function alreadyImported(file: string, before: EarlierSheetImport): ConflictError {
  const on = formatDate(before.at.slice(0, 10));
  const range = before.first !== null ? ` (nhiệm vụ số ${before.first}–${before.last})` : '';
  const rangeEn = before.first !== null ? ` (tasks ${before.first}–${before.last})` : '';
  return new ConflictError(
    t(`tệp "${file}" đã được nhập ngày ${on}${range}; nhập lại sẽ tạo nhiệm vụ trùng`, `"${file}" was imported on ${before.at.slice(0, 10)}${rangeEn}; importing it again would duplicate its tasks`),
    t('nếu thật sự cần nhập lần nữa, thêm --again', 'add --again to import it once more all the same'),
  );
}

export async function importSheet(ctx: Context, input: SheetImportInput): Promise<SheetImportReport> {
  const file = checkSheetFile(input.file);
  const registry = await loadRegistry(ctx.db);
  if (registry.units.length === 0) {
    throw new ValidationError(
      t('chưa có danh sách đơn vị nên không xác định được đơn vị chủ trì', 'no units yet, so no lead unit can be resolved'),
      t('nạp danh sách trước: tasks unit import data/units-sample.json', 'load a list first: tasks unit import data/units-sample.json'),
    );
  }
  const hash = await hashSheetFile(file);
  const importedBefore = await findSheetImport(ctx.db, hash);
  if (importedBefore && !input.dryRun && !input.again) throw alreadyImported(input.file, importedBefore);
  const calendar = await loadCalendar(ctx);
  const knownSources = await sourcesByNumber(ctx.db);
  const mapKeys = new Set((input.map?.entries ?? []).map((e) => e.key));

  const progress = progressBar(file.bytes, path.basename(file.path), input.progressTo);
  let fields: (SheetField | null)[] | null = null;
  let report: Pick<SheetImportReport, 'file' | 'headerLine' | 'columns' | 'unread'> | null = null;
  const planned: PlannedTask[] = [];
  const bad: BadRow[] = [];
  const newSources = new Set<string>();
  let rows = 0;
  let seen = 0;

  try {
    for await (const row of readSheetRows(file, { sheet: input.sheet, onProgress: (n) => progress.share(n) })) {
      if (fields === null) {
        if (++seen > HEADER_SEARCH_ROWS) throw noHeader(input.file, input.map);
        const headers = row.cells.map((c) => cellText(c));
        const mapped = headers.filter((h) => mapKeys.has(headerKey(h))).length;
        const mapNamesText = input.map?.entries.some((e) => e.field === 'text' && (e.letter !== null || headers.some((h) => headerKey(h) === e.key)));
        if (headerScore(headers) + mapped < 2 && !(mapNamesText && mapped > 0)) continue;
        const layout = layoutOf(headers, input.map);
        if (!layout.fields.includes('text')) continue;
        fields = layout.fields;
        report = {
          file: input.file,
          headerLine: row.line,
          columns: layout.fields.flatMap((f, i) => (f && f !== 'ignore' ? [{ header: headers[i] ?? '', field: f }] : [])),
          unread: layout.unread,
        };
        continue;
      }
      const outcome = planRow(row.line, row.cells, fields, {
        registry,
        readDeadline: (words, base) => findTiming(words, { base, calendar }),
        today: ctx.today,
        knownSourceDate: (n) => knownSources.get(n)?.date ?? undefined,
      });
      if (outcome.kind === 'empty') continue;
      rows++;
      progress.rows(rows);
      if (outcome.kind === 'bad') bad.push({ line: outcome.line, reasons: outcome.reasons });
      else {
        planned.push(outcome.task);
        const number = outcome.task.source?.number;
        if (number && !knownSources.has(number)) newSources.add(number);
      }
    }
  } finally {
    progress.done();
  }
  if (fields === null || report === null) throw noHeader(input.file, input.map);
  if (rows === 0) throw new ValidationError(t(`bảng trong "${input.file}" không có dòng nhiệm vụ nào dưới tiêu đề`, `the sheet in "${input.file}" has no task rows under its header`));

  const tasks = planned.reduce((n, p) => n + Math.max(1, p.leads.length), 0);
  const result: SheetImportReport = { ...report, rows, good: planned.length, bad, tasks, newSources: [...newSources], imported: false, dryRun: input.dryRun, taskIds: null, importedBefore };
  if (input.dryRun || (bad.length > 0 && !input.skipBad) || planned.length === 0) return result;
  const ids = await writePlanned(ctx, planned, { sheet: path.basename(input.file), hash, skipped: bad.length, file: input.file, again: input.again });
  return { ...result, imported: true, taskIds: ids.length ? { first: ids[0], last: ids[ids.length - 1] } : null };
}

async function writePlanned(ctx: Context, planned: PlannedTask[], origin: { sheet: string; hash: string; skipped: number; file: string; again: boolean }): Promise<number[]> {
  const { sheet, hash, skipped } = origin;
  return inTransaction(ctx, async (trx) => {
    // Checked again in the transaction that writes (on PostgreSQL under a lock every sheet import
    // takes): the same file imported eight times at once creates its tasks once.
    await lockRule(trx.db, 'sheet-import');
    if (!origin.again) {
      const before = await findSheetImport(trx.db, hash);
      if (before) throw alreadyImported(origin.file, before);
    }
    const stamp = trx.now().toISOString();
    const sourceIds = await writeSources(trx, planned, stamp, sheet);
    const { rows, owners } = taskRowsOf(planned, sourceIds, stamp);
    const ids = await insertTaskRows(trx.db, rows);
    await writeTaskDetails(trx, owners, ids, stamp, sheet);
    await audit(trx, 'sheet.import', {}, { sheet, hash, rows: planned.length, skipped, tasks: ids.length, first: ids[0] ?? null, last: ids[ids.length - 1] ?? null });
    return ids;
  });
}

/** The id of every document number the rows name: the sources not in the database yet are added, each with its audit entry. */
async function writeSources(trx: Context, planned: PlannedTask[], stamp: string, sheet: string): Promise<Map<string, number>> {
  // Looked up again inside the transaction: someone may have added a source since the plan.
  const known = await sourcesByNumber(trx.db);
  const sourceIds = new Map([...known].map(([number, s]) => [number, s.id]));
  const missing = new Map<string, IsoDate | null>();
  for (const p of planned) if (p.source && !sourceIds.has(p.source.number) && !missing.has(p.source.number)) missing.set(p.source.number, p.source.issuedOn);
  const created = await insertSourceRows(
    trx.db,
    [...missing].map(([number, issuedOn]) => ({ kind: kindOfNumber(number), number, issued_on: issuedOn, created_at: stamp })),
  );
  for (const [number, id] of created) sourceIds.set(number, id);
  await insertAuditRows(
    trx.db,
    [...created].map(([number, id]) => ({ at: stamp, actor: trx.actor, action: 'source.add', task_id: null, unit_id: null, detail: JSON.stringify({ source: id, number, sheet, asOf: trx.today }) })),
  );
  return sourceIds;
}

interface PlannedRow {
  plan: PlannedTask;
  leadCode: string | null;
}

/** One task row per lead unit of each planned task (one unassigned row when it has none), with who it is for. */
function taskRowsOf(planned: PlannedTask[], sourceIds: ReadonlyMap<string, number>, stamp: string): { rows: NewTaskRow[]; owners: PlannedRow[] } {
  const rows: NewTaskRow[] = [];
  const owners: PlannedRow[] = [];
  for (const p of planned) {
    for (const lead of p.leads.length ? p.leads : [null]) {
      rows.push({
        text: p.text,
        text_folded: fold(p.text),
        lead_unit_id: lead?.id ?? null,
        owner_text: lead ? null : p.ownerText,
        ongoing: p.ongoing ? 1 : 0,
        original_due_on: p.originalDue,
        due_on: p.due,
        last_extended_on: p.extension?.grantedOn ?? null,
        assigned_on: p.assignedOn,
        completed_on: p.completedOn,
        evidence: p.completedOn ? p.evidence : null,
        completion_note: p.completedOn ? p.completionNote : null,
        cancelled_on: p.cancelledOn,
        cancel_reason: p.cancelReason,
        source_id: p.source ? sourceIds.get(p.source.number)! : null,
        created_at: stamp,
        updated_at: stamp,
      });
      owners.push({ plan: p, leadCode: lead?.code ?? null });
    }
  }
  return { rows, owners };
}

/** What hangs off each new task (coordinating units, its extension, its notes) and its audit entry, in multi-row inserts. */
async function writeTaskDetails(trx: Context, owners: PlannedRow[], ids: number[], stamp: string, sheet: string): Promise<void> {
  const coordinators: { task_id: number; unit_id: number }[] = [];
  const extensions: Parameters<typeof insertExtensionRows>[1] = [];
  const notes: Parameters<typeof insertNoteRows>[1] = [];
  const audits: AuditRow[] = [];
  owners.forEach(({ plan: p, leadCode }, i) => {
    const id = ids[i];
    for (const u of p.coordinating) if (u.code !== leadCode) coordinators.push({ task_id: id, unit_id: u.id });
    if (p.extension && p.due) {
      extensions.push({ task_id: id, from_on: p.originalDue, to_on: p.due, reason: p.extension.reason, granted_on: p.extension.grantedOn, author: trx.actor, created_at: stamp });
    }
    for (const n of p.notes) notes.push({ task_id: id, noted_on: n.on, note: n.note, author: trx.actor, created_at: stamp });
    audits.push({
      at: stamp,
      actor: trx.actor,
      action: 'task.add',
      task_id: id,
      unit_id: null,
      detail: JSON.stringify({
        text: p.text,
        lead: leadCode,
        coordinating: p.coordinating.map((u) => u.code),
        due: p.due,
        originalDue: p.originalDue,
        ongoing: p.ongoing,
        source: p.source?.number ?? null,
        completedOn: p.completedOn,
        cancelledOn: p.cancelledOn,
        sheet,
        line: p.line,
        asOf: trx.today,
      }),
    });
  });
  await insertCoordinatorRows(trx.db, coordinators);
  await insertExtensionRows(trx.db, extensions);
  await insertNoteRows(trx.db, notes);
  await insertAuditRows(trx.db, audits);
}
