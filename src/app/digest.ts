/** `tasks digest`: the monthly giao ban digest, seen as of the month's last day (or --today). */
import { listDigestCandidates } from '../db/digest-repository.js';
import { latestNotes } from '../db/note-repository.js';
import { quietOpenTaskIds } from '../db/report-repository.js';
import { countSentReminders } from '../db/reminder-repository.js';
import { listTasks, taskIdsOfDirectives } from '../db/task-repository.js';
import { loadRegistry } from '../db/unit-repository.js';
import { addDays, formatDate, type IsoDate } from '../domain/dates.js';
import { ValidationError, t } from '../domain/errors.js';
import { nextMonth, parseMonth } from '../domain/months.js';
import { viewAsOf, type TaskView } from '../domain/task.js';
import { resolveUnits } from '../domain/units.js';
import { buildDigest } from '../domain/digest/build.js';
import { escalationRule, quietDaysOf, type Digest, type NoteRef, type UnitOrder } from '../domain/digest/model.js';
import { defaultFrom, followingPeriod, parsePeriodKind, periodOf, previousPeriod, type PeriodKind } from '../domain/report-period.js';
import { tallyBuckets } from './bucket-counts.js';
import { configMap } from './config.js';
import type { Context } from './context.js';

export interface DigestRequest {
  month: string;
  unit: string | null;
  /** First assignment day counted in the totals; 1 January of the month's year by default. */
  from: IsoDate | null;
  /** The reporting period; `report.period` (month by default) when absent. */
  period?: PeriodKind | null;
  /** The by-unit table: worst first (default) or in registry order. */
  order?: UnitOrder;
}

/** Open tasks nobody has reported on for `quietDays` days at the end of `asOf`, with their latest notes. */
export async function quietTasks(ctx: Context, range: { asOf: IsoDate; quietDays: number; leadUnitIds?: number[] }): Promise<{ views: TaskView[]; notes: Map<number, NoteRef> }> {
  const ids = await quietOpenTaskIds(ctx.db, { asOf: range.asOf, quietSince: addDays(range.asOf, -range.quietDays), leadUnitIds: range.leadUnitIds });
  const views = await viewsOf(ctx, ids, range.asOf);
  return { views, notes: await latestNotes(ctx.db, ids, range.asOf) };
}

/** Full tasks for these ids, seen as of `asOf`; in chunks, so no query carries too many ids. */
async function viewsOf(ctx: Context, ids: number[], asOf: IsoDate): Promise<TaskView[]> {
  const views: TaskView[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    for (const task of await listTasks(ctx.db, { asOf, ids: ids.slice(i, i + 5000) })) views.push(viewAsOf(task, asOf));
  }
  return views;
}

/**
 * Every task of the directives the lists show, seen as of `asOf`: a directive given to several
 * units is one row whose units each show their status, listed or not (one done, one overdue).
 */
export async function directiveMembers(ctx: Context, lists: TaskView[][], asOf: IsoDate, leadUnitIds?: number[]): Promise<TaskView[]> {
  const directiveIds = [...new Set(lists.flat().flatMap((v) => (v.directiveId != null ? [v.directiveId] : [])))];
  const ids: number[] = [];
  for (let i = 0; i < directiveIds.length; i += 5000) ids.push(...(await taskIdsOfDirectives(ctx.db, directiveIds.slice(i, i + 5000), leadUnitIds)));
  return viewsOf(ctx, ids, asOf);
}

export async function makeDigest(ctx: Context, request: DigestRequest): Promise<Digest> {
  const month = parseMonth(request.month);
  const settings = await configMap(ctx);
  const kind = request.period ?? parsePeriodKind(settings['report.period'] || 'month');
  const period = periodOf(kind, month);
  if (ctx.today < period.start) {
    throw new ValidationError(
      t(`kỳ báo cáo tháng ${month.id} (từ ${formatDate(period.start)}) chưa bắt đầu tính đến ngày ${formatDate(ctx.today)}`, `the period of ${month.id} (from ${period.start}) has not begun as of ${ctx.today}`),
      t('chọn tháng đã qua hoặc tháng hiện tại, hoặc đặt --today', 'choose a past or the current month, or set --today'),
    );
  }
  const asOf = ctx.today < period.end ? ctx.today : period.end;
  const from = request.from ?? defaultFrom(kind, month);
  if (from > asOf) {
    throw new ValidationError(
      t(`--from ${formatDate(from)} sau ngày tính số liệu ${formatDate(asOf)}`, `--from ${from} is after the as-of day ${asOf}`),
      t('--from phải trước hoặc bằng ngày cuối kỳ báo cáo', '--from must be on or before the end of the period'),
    );
  }
  const registry = await loadRegistry(ctx.db);
  const chosen = request.unit === null ? null : resolveUnits(registry, request.unit);
  const leadUnitIds = chosen?.map((u) => u.id);
  const next = nextMonth(month);
  const following = followingPeriod(kind, month);
  const unitById = new Map(registry.units.map((u) => [u.id, { code: u.code, name: u.name }]));
  const counted = await tallyBuckets(ctx, { assignedFrom: from, asOf, leadUnitIds }, unitById);
  const inPeriod = await tallyBuckets(ctx, { assignedFrom: period.start > from ? period.start : from, asOf, leadUnitIds }, unitById);
  // The same figures as the report for the period before showed them, as of its last day.
  const before = previousPeriod(kind, month);
  const beforeFrom = request.from ?? defaultFrom(kind, before.month);
  const previous =
    beforeFrom <= before.period.end
      ? {
          start: before.period.start,
          end: before.period.end,
          from: beforeFrom,
          counted: await tallyBuckets(ctx, { assignedFrom: beforeFrom, asOf: before.period.end, leadUnitIds }, unitById),
          inPeriod: await tallyBuckets(ctx, { assignedFrom: before.period.start > beforeFrom ? before.period.start : beforeFrom, asOf: before.period.end, leadUnitIds }, unitById),
        }
      : { start: before.period.start, end: before.period.end, from: beforeFrom, counted: [], inPeriod: [] };
  const candidates = await listDigestCandidates(ctx.db, { since: period.start, asOf, dueBy: following.end > next.end ? following.end : next.end, leadUnitIds });
  const views = await viewsOf(ctx, candidates, asOf);
  const overdueIds = views.filter((v) => v.bucket === 'open_overdue').map((v) => v.id);
  const notes = await latestNotes(ctx.db, overdueIds, asOf);
  const quiet = await quietTasks(ctx, { asOf, quietDays: quietDaysOf(settings), leadUnitIds });
  const reminders = await countSentReminders(ctx.db, overdueIds);
  const shown = chosen ?? registry.units.filter((u) => u.active);
  const digest = buildDigest({
    month,
    next,
    counted,
    from,
    asOf,
    today: ctx.today,
    views,
    latestNotes: notes,
    reminders,
    quiet,
    escalation: escalationRule(settings),
    units: shown.map((u) => ({ code: u.code, name: u.name })),
    unitFilter: chosen?.map((u) => ({ code: u.code, name: u.name })) ?? null,
    settings,
    period,
    nextPeriod: following,
    inPeriod,
    previous,
    order: request.order ?? 'rank',
  });
  digest.directiveMembers = await directiveMembers(ctx, [views, quiet.views], asOf, leadUnitIds);
  return digest;
}
