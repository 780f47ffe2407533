/**
 * The digest laid out as headings, sentences and tables of typed cells. Every file format renders
 * this one layout, so a figure or a column cannot differ from one format to another.
 */
import { formatDate, type IsoDate } from '../../domain/dates.js';
import type { Bucket } from '../../domain/status.js';
import type { TaskView } from '../../domain/task.js';
import { BUCKET_LABELS, type Lang } from '../labels.js';
import type { Counts, Digest, OverdueEntry } from '../../domain/digest/model.js';
import { groupByDirective } from '../../domain/digest/groups.js';
import { dw, formatRate, monthLabel, type DigestWord } from './words.js';

export type Cell = string | number | null | { date: IsoDate | null } | { rate: number | null };

export type ColumnKind = 'text' | 'long' | 'int' | 'date' | 'rate';

export interface Column {
  header: string;
  kind: ColumnKind;
  /** Relative width, in characters of a typical row: XLSX widths and DOCX column shares. */
  width: number;
}

export interface Row {
  cells: Cell[];
  /** Colours the row on a terminal. */
  bucket?: Bucket;
  /** A total row: bold in every format. */
  total?: boolean;
}

export interface ReportTable {
  key: 'totals' | 'units' | 'overdue' | 'escalated' | 'quiet' | 'completed' | 'extensions' | 'dueNext';
  title: string;
  /** Sentences printed under the table: how each rate is computed, how rows are ordered. */
  notes?: string[];
  /** Short name for a spreadsheet tab (31 characters at most). */
  sheet: string;
  columns: Column[];
  rows: Row[];
  /** How many rows the list has in full, when `rows` holds only the first (see layoutDigest's `maxRows`). */
  total?: number;
}

export interface ReportLayout {
  /** "BÁO CÁO" */
  title: string;
  /** The summary line (trích yếu). */
  summary: string;
  /** Sentences before the tables. */
  intro: string[];
  tables: ReportTable[];
  /** "Đề xuất, kiến nghị" (--note FILE): its heading and paragraphs, when the office wrote any. */
  proposals: { title: string; paragraphs: string[] } | null;
  /** The closing sentence, ending in "./." as Nghị định 30 sets. */
  closing: string;
}

export function cellText(cell: Cell, lang: Lang): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if ('date' in cell) return formatDate(cell.date);
  return formatRate(cell.rate, lang);
}

function taskLabel(v: TaskView): string {
  return `#${v.id}. ${v.text}`;
}

function unitOf(v: TaskView, lang: Lang): string {
  return v.lead?.name ?? (v.ownerText ? `${dw(lang, 'unassigned')}: ${v.ownerText}` : dw(lang, 'unassigned'));
}

const COUNT_KEYS: Bucket[] = ['done_on_time', 'done_late', 'open_in_term', 'open_overdue', 'ongoing', 'undated', 'cancelled'];

/** "▲ 2", "▼ 1", "=" for a count; "▲ 5,2 điểm" for a rate. */
function changeCell(now: number | null, before: number | null, lang: Lang, rate = false): Cell {
  if (now === null || before === null) return '';
  const delta = rate ? Math.round((now - before) * 1000) / 10 : now - before;
  if (delta === 0) return '=';
  const size = rate ? `${Math.abs(delta).toFixed(1).replace('.', lang === 'vi' ? ',' : '.')} ${dw(lang, 'points')}` : String(Math.abs(delta));
  return `${delta > 0 ? '▲' : '▼'} ${size}`;
}

function totalsTable(d: Digest, lang: Lang): ReportTable {
  const c = d.totals!;
  const inPeriod = d.inPeriod ?? null;
  const before = d.previous?.totals ?? null;
  const four = (x: Counts) => x.done_on_time + x.done_late + x.open_in_term + x.open_overdue;
  const share = (n: number): Cell => ({ rate: four(c) === 0 ? null : n / four(c) });
  const cells = (label: string, pick: (x: Counts) => number, withShare: boolean): Cell[] => [
    label,
    ...(inPeriod ? [pick(inPeriod)] : []),
    pick(c),
    withShare ? share(pick(c)) : null,
    ...(before ? [pick(before), changeCell(pick(c), pick(before), lang)] : []),
  ];
  const bucketRow = (b: Bucket, withShare: boolean): Row => ({ cells: cells(BUCKET_LABELS[b][lang], (x) => x[b], withShare), bucket: b });
  const rateRow: Row = {
    cells: [
      dw(lang, 'rate'),
      ...(inPeriod ? [{ rate: inPeriod.onTimeRate }] : []),
      { rate: c.onTimeRate },
      null,
      ...(before ? [{ rate: before.onTimeRate }, changeCell(c.onTimeRate, before.onTimeRate, lang, true)] : []),
    ],
    total: true,
  };
  const count = (word: 'count' | 'inPeriod' | 'previous'): Column => ({ header: dw(lang, word), kind: 'int', width: 12 });
  const notes = [dw(lang, 'shareNote'), dw(lang, 'rateNote')];
  if (d.previous) notes.push(dw(lang, 'changeNote', { prevStart: formatDate(d.previous.start), prevEnd: formatDate(d.previous.end) }));
  return {
    key: 'totals',
    title: dw(lang, 'secTotals'),
    sheet: lang === 'vi' ? 'Tổng hợp' : 'Totals',
    columns: [
      { header: dw(lang, 'status'), kind: 'text', width: 40 },
      ...(inPeriod ? [count('inPeriod')] : []),
      inPeriod ? { header: dw(lang, 'cumulative'), kind: 'int', width: 12 } : count('count'),
      { header: dw(lang, 'share'), kind: 'rate', width: 10 },
      ...(before ? [count('previous'), { header: dw(lang, 'change'), kind: 'text' as const, width: 12 }] : []),
    ],
    rows: [
      bucketRow('done_on_time', true),
      bucketRow('done_late', true),
      bucketRow('open_in_term', true),
      bucketRow('open_overdue', true),
      { cells: cells(dw(lang, 'fourBuckets'), four, true), total: true },
      bucketRow('ongoing', false),
      bucketRow('undated', false),
      bucketRow('cancelled', false),
      { cells: cells(dw(lang, 'assigned'), (x) => x.assigned, false), total: true },
      rateRow,
    ],
    notes,
  };
}

function unitsTable(d: Digest, lang: Lang): ReportTable {
  const counts = (c: Counts): Cell[] => [c.assigned, ...COUNT_KEYS.map((k) => c[k]), { rate: c.onTimeRate }];
  const rows: Row[] = d.units!.map((u, i) => ({ cells: [i + 1, u.code === null ? dw(lang, 'unassigned') : u.name, ...counts(u)] }));
  rows.push({ cells: ['', dw(lang, 'total'), ...counts(d.totals!)], total: true });
  const n = (header: string): Column => ({ header, kind: 'int', width: 8 });
  return {
    key: 'units',
    title: dw(lang, 'secUnits'),
    sheet: lang === 'vi' ? 'Theo đơn vị' : 'By unit',
    columns: [
      { header: dw(lang, 'no'), kind: 'int', width: 5 },
      { header: dw(lang, 'unit'), kind: 'text', width: 28 },
      n(dw(lang, 'assignedShort')),
      n(dw(lang, 'onTimeShort')),
      n(dw(lang, 'lateShort')),
      n(dw(lang, 'inTermShort')),
      n(dw(lang, 'overdueShort')),
      n(dw(lang, 'ongoingShort')),
      n(dw(lang, 'undatedShort')),
      n(dw(lang, 'cancelledShort')),
      { header: dw(lang, 'rateShort'), kind: 'rate', width: 10 },
    ],
    rows,
    notes: [dw(lang, 'rateNote'), ...(d.unitOrder === 'registry' ? [] : [dw(lang, 'rankNote')])],
  };
}

function column(lang: Lang, word: DigestWord, kind: ColumnKind, width: number): Column {
  return { header: dw(lang, word), kind, width };
}

/** The columns every task list begins with: STT, the task, its lead unit. */
function taskColumns(lang: Lang, taskWidth: number): Column[] {
  return [column(lang, 'no', 'int', 5), column(lang, 'task', 'long', taskWidth), column(lang, 'unit', 'text', 22)];
}

function taskCells(v: TaskView, i: number, lang: Lang): Cell[] {
  return [i + 1, taskLabel(v), unitOf(v, lang)];
}

/** "12/11": the day and month of a unit's status in a group row. */
function shortDate(date: IsoDate | null): string {
  return date ? `${date.slice(8, 10)}/${date.slice(5, 7)}` : '';
}

/** One unit's status in a group row: "quá hạn 5 ngày", "hoàn thành 12/11". */
export function unitStatus(v: TaskView, lang: Lang): string {
  switch (v.bucket) {
    case 'open_overdue':
      return dw(lang, 'stOverdue', { days: v.daysLate ?? 0 });
    case 'done_on_time':
      return dw(lang, 'stDoneOnTime', { date: shortDate(v.completedOn) });
    case 'done_late':
      return dw(lang, 'stDoneLate', { date: shortDate(v.completedOn) });
    case 'open_in_term':
      return dw(lang, 'stInTerm', { date: shortDate(v.due) });
    case 'ongoing':
      return dw(lang, 'stOngoing');
    case 'undated':
      return dw(lang, 'stUndated');
    case 'cancelled':
      return dw(lang, 'stCancelled');
  }
}

/**
 * A task list's rows, one per directive given to a group: its tasks' ids, the text once, each
 * unit with its status ("TTR: quá hạn 5 ngày; LS: hoàn thành 12/11"), and the other columns
 * where the units agree (where they differ, their values in the units' order).
 */
function groupedRows<T>(
  d: Digest,
  items: T[],
  taskOf: (item: T) => TaskView,
  cellsOf: (item: T, i: number) => Cell[],
  lang: Lang,
  maxRows: number,
  marked: (item: T) => boolean = () => false,
): { rows: Row[]; total: number; grouped: boolean } {
  const groups = groupByDirective(items, taskOf);
  const all = membersByDirective(d);
  let grouped = false;
  const rows = groups.slice(0, maxRows).map((g, i): Row => {
    const first = taskOf(g.members[0]);
    const cells = cellsOf(g.members[0], i);
    const tasks = g.members.map(taskOf);
    // Every unit of the directive, listed here or not (one done, another overdue).
    const units = g.directiveId === null ? tasks : (all.get(`${g.directiveId}\u0000${first.text}`) ?? tasks);
    if (g.members.length === 1 && units.length <= 1) return { cells, bucket: first.bucket };
    grouped = true;
    const label = `${tasks.map((t) => `#${t.id}`).join(', ')}. ${first.text}`;
    const each = g.members.map((m) => cellsOf(m, i));
    const merged = cells.slice(3).map((cell, k) => {
      const texts = each.map((c) => cellText(c[k + 3], lang));
      return texts.every((x) => x === texts[0]) ? cell : texts.filter((x) => x !== '').join('; ');
    });
    return {
      cells: [
        i + 1,
        g.members.some(marked) ? `${label} (${dw(lang, 'escalateMark')})` : label,
        units.map((t) => `${t.lead?.code ?? unitOf(t, lang)}: ${unitStatus(t, lang)}`).join('; '),
        ...merged,
      ],
      bucket: first.bucket,
    };
  });
  return { rows, total: groups.length, grouped };
}

const MEMBERS = new WeakMap<Digest, Map<string, TaskView[]>>();

/** d.directiveMembers by directive and text, in id order (the order the directive named its units). */
function membersByDirective(d: Digest): Map<string, TaskView[]> {
  let map = MEMBERS.get(d);
  if (!map) {
    map = new Map();
    for (const v of [...(d.directiveMembers ?? [])].sort((a, b) => a.id - b.id)) {
      if (v.directiveId == null) continue;
      const key = `${v.directiveId}\u0000${v.text}`;
      map.set(key, [...(map.get(key) ?? []), v]);
    }
    MEMBERS.set(d, map);
  }
  return map;
}

function groupNote(list: { grouped: boolean }, lang: Lang): string[] {
  return list.grouped ? [dw(lang, 'groupNote')] : [];
}

/** A grouped list's rows, its full length and its notes (the group note when a row holds several units). */
function listOf(list: { rows: Row[]; total: number; grouped: boolean }, lang: Lang, notes: string[] = []): Pick<ReportTable, 'rows' | 'total' | 'notes'> {
  const all = [...notes, ...groupNote(list, lang)];
  return { rows: list.rows, total: list.total, ...(all.length ? { notes: all } : {}) };
}

function overdueTable(d: Digest, lang: Lang, title: string, maxRows: number): ReportTable {
  const mark = dw(lang, 'escalateMark');
  const list = groupedRows(
    d,
    d.overdue,
    (v) => v,
    (v, i) => [
      i + 1,
      v.escalate ? `${taskLabel(v)} (${mark})` : taskLabel(v),
      unitOf(v, lang),
      v.source?.number ?? '',
      { date: v.due },
      v.daysLate,
      v.due !== v.originalDue ? { date: v.originalDue } : null,
      v.coordinating.map((u) => u.code).join(', '),
      v.remindersSent,
      v.latestNote ? `${formatDate(v.latestNote.on)}: ${v.latestNote.note}` : '',
    ],
    lang,
    maxRows,
    (v) => v.escalate,
  );
  return {
    key: 'overdue',
    title,
    sheet: lang === 'vi' ? 'Quá hạn' : 'Overdue',
    // The first six columns as they always were; what the meeting asks about after them.
    columns: [
      ...taskColumns(lang, 44),
      column(lang, 'source', 'text', 12),
      column(lang, 'due', 'date', 11),
      column(lang, 'daysLate', 'int', 8),
      column(lang, 'originalDue', 'date', 11),
      column(lang, 'coordinating', 'text', 10),
      column(lang, 'reminders', 'int', 7),
      column(lang, 'latestNote', 'long', 32),
    ],
    total: list.total,
    rows: list.rows,
    notes: [...(d.escalation ? [dw(lang, 'escalateNote', { reminders: d.escalation.reminders, days: d.escalation.daysLate })] : []), ...groupNote(list, lang)],
  };
}

/** "Nhiệm vụ đề nghị Lãnh đạo chỉ đạo": the overdue tasks marked for the giao ban, with why. */
function escalatedTable(d: Digest, lang: Lang, title: string, maxRows: number): ReportTable {
  const marked = d.overdue.filter((v) => v.escalate);
  const rule = d.escalation ?? { reminders: 3, daysLate: 30 };
  const why = (v: OverdueEntry): string =>
    [
      ...((v.daysLate ?? 0) > rule.daysLate ? [dw(lang, 'whyLate', { days: v.daysLate ?? 0 })] : []),
      ...(v.remindersSent > rule.reminders ? [dw(lang, 'whyReminded', { n: v.remindersSent })] : []),
    ].join('; ');
  return {
    key: 'escalated',
    title,
    sheet: lang === 'vi' ? 'Đề nghị chỉ đạo' : 'For direction',
    columns: [...taskColumns(lang, 50), column(lang, 'coordinating', 'text', 10), column(lang, 'dueInForce', 'date', 11), column(lang, 'reasonEscalated', 'long', 30)],
    ...listOf(groupedRows(d, marked, (v) => v, (v, i) => [...taskCells(v, i, lang), v.coordinating.map((u) => u.code).join(', '), { date: v.due }, why(v)], lang, maxRows), lang, [
      dw(lang, 'escalateNote', { reminders: rule.reminders, days: rule.daysLate }),
    ]),
  };
}

/** "Không cập nhật tiến độ quá X ngày": open tasks whose unit has not reported for that long. */
function quietTable(d: Digest, lang: Lang, title: string, maxRows: number): ReportTable {
  const quiet = d.quiet ?? [];
  return {
    key: 'quiet',
    title,
    sheet: lang === 'vi' ? 'Không cập nhật tiến độ' : 'No progress reported',
    columns: [...taskColumns(lang, 50), column(lang, 'dueInForce', 'date', 11), column(lang, 'status', 'text', 16), column(lang, 'lastNoteOn', 'date', 11), column(lang, 'quietFor', 'int', 9)],
    ...listOf(
      groupedRows(
        d,
        quiet,
        (v) => v,
        (v, i) => [...taskCells(v, i, lang), { date: v.due }, BUCKET_LABELS[v.bucket][lang], v.latestNote ? { date: v.latestNote.on } : dw(lang, 'noNoteYet'), v.quietDays],
        lang,
        maxRows,
      ),
      lang,
      [dw(lang, 'quietNote', { days: d.quietDays ?? 14 })],
    ),
  };
}

function completedTable(d: Digest, lang: Lang, maxRows: number): ReportTable {
  return {
    key: 'completed',
    title: dw(lang, d.period.kind === 'nd09' ? 'secCompletedNd09' : 'secCompleted'),
    sheet: lang === 'vi' ? 'Hoàn thành trong tháng' : 'Done this month',
    columns: [...taskColumns(lang, 50), column(lang, 'due', 'date', 11), column(lang, 'completedOn', 'date', 11), column(lang, 'result', 'text', 20), column(lang, 'evidence', 'text', 16)],
    ...listOf(
      groupedRows(d, d.completedThisMonth!, (v) => v, (v, i) => [...taskCells(v, i, lang), { date: v.due }, { date: v.completedOn }, BUCKET_LABELS[v.bucket][lang], v.evidence ?? ''], lang, maxRows),
      lang,
    ),
  };
}

function extensionsTable(d: Digest, lang: Lang, maxRows: number): ReportTable {
  return {
    key: 'extensions',
    title: dw(lang, d.period.kind === 'nd09' ? 'secExtensionsNd09' : 'secExtensions'),
    sheet: lang === 'vi' ? 'Gia hạn trong tháng' : 'Extended this month',
    columns: [...taskColumns(lang, 46), column(lang, 'grantedOn', 'date', 11), column(lang, 'oldDue', 'date', 11), column(lang, 'newDue', 'date', 11), column(lang, 'reason', 'long', 34)],
    total: d.extensionsThisMonth!.length,
    rows: d.extensionsThisMonth!.slice(0, maxRows).map((e, i) => ({
      cells: [...taskCells(e.task, i, lang), { date: e.grantedOn }, { date: e.from }, { date: e.to }, e.reason],
    })),
  };
}

function dueNextTable(d: Digest, lang: Lang, maxRows: number): ReportTable {
  return {
    key: 'dueNext',
    title:
      d.period.kind === 'nd09' && d.period.next
        ? dw(lang, 'secDueNextNd09', { start: formatDate(d.period.next.start), end: formatDate(d.period.next.end) })
        : dw(lang, 'secDueNext', { month: monthLabel(d.period.nextMonth!) }),
    sheet: lang === 'vi' ? 'Đến hạn tháng sau' : 'Due next month',
    columns: [...taskColumns(lang, 56), column(lang, 'source', 'text', 14), column(lang, 'due', 'date', 11)],
    ...listOf(groupedRows(d, d.dueNextMonth!, (v) => v, (v, i) => [...taskCells(v, i, lang), v.source?.number ?? '', { date: v.due }], lang, maxRows), lang),
  };
}

function sentence(c: Counts, from: IsoDate, asOf: IsoDate, lang: Lang): string {
  const values: Record<string, string | number> = { from: formatDate(from), asOf: formatDate(asOf), assigned: c.assigned, rate: formatRate(c.onTimeRate, lang) };
  for (const k of COUNT_KEYS) values[k] = c[k];
  return dw(lang, 'sentence', values);
}

/** "Văn phòng Sở báo cáo Giám đốc Sở./.": the configured sentence, with the decree's ending. */
export function closingSentence(sentence: string): string {
  return `${sentence.trim().replace(/[\s./]+$/u, '')}./.`;
}

function outroOf(d: Digest, lang: Lang, numbered: boolean): Pick<ReportLayout, 'proposals' | 'closing'> {
  const paragraphs = d.proposals?.filter((p) => p.trim() !== '') ?? [];
  return {
    proposals: paragraphs.length ? { title: dw(lang, numbered ? 'secProposals' : 'proposalsOnly'), paragraphs } : null,
    closing: closingSentence(d.settings['report.closing'] || 'Văn phòng Sở báo cáo Giám đốc Sở'),
  };
}

/** `maxRows`: the task lists keep only their first rows (a DOCX); `total` says how many there are. */
export function layoutDigest(d: Digest, lang: Lang, maxRows = Infinity): ReportLayout {
  const unitLine = d.unitFilter ? [dw(lang, 'unitScope', { units: d.unitFilter.map((u) => u.name).join(', ') })] : [];
  if (d.kind === 'overdue') {
    return {
      title: dw(lang, 'title'),
      summary: dw(lang, 'overdueSummary', { date: formatDate(d.period.asOf) }),
      intro: unitLine,
      ...outroOf(d, lang, false),
      tables: [
        overdueTable(d, lang, dw(lang, 'overdueOnly'), maxRows),
        escalatedTable(d, lang, dw(lang, 'escalatedOnly'), maxRows),
        quietTable(d, lang, dw(lang, 'quietOnly', { days: d.quietDays ?? 14 }), maxRows),
      ],
    };
  }
  return {
    title: dw(lang, 'title'),
    summary:
      d.period.kind === 'nd09' && d.period.start && d.period.end
        ? dw(lang, 'summaryNd09', { summary: dw(lang, 'digestSummary', { month: monthLabel(d.period.month!) }), start: formatDate(d.period.start), end: formatDate(d.period.end) })
        : dw(lang, 'digestSummary', { month: monthLabel(d.period.month!) }),
    intro: [
      ...(d.period.start && d.period.end
        ? [
            dw(lang, 'periodLine', {
              kind: dw(lang, d.period.kind === 'nd09' ? 'periodNd09' : 'periodMonth', { month: monthLabel(d.period.month!) }),
              start: formatDate(d.period.start),
              end: formatDate(d.period.end),
            }),
          ]
        : []),
      dw(lang, 'scope', { asOf: formatDate(d.period.asOf), from: formatDate(d.period.from) }),
      ...unitLine,
      sentence(d.totals!, d.period.from!, d.period.asOf, lang),
    ],
    ...outroOf(d, lang, true),
    tables: [
      totalsTable(d, lang),
      unitsTable(d, lang),
      overdueTable(d, lang, dw(lang, 'secOverdue'), maxRows),
      completedTable(d, lang, maxRows),
      extensionsTable(d, lang, maxRows),
      dueNextTable(d, lang, maxRows),
      escalatedTable(d, lang, dw(lang, 'secEscalated'), maxRows),
      quietTable(d, lang, dw(lang, 'secQuiet', { days: d.quietDays ?? 14 }), maxRows),
    ],
  };
}
