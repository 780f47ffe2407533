/** `tasks overdue --format md|html|docx|xlsx|csv`: the pre-meeting overdue list as a document. */
import { latestNotes } from '../db/note-repository.js';
import { countSentReminders } from '../db/reminder-repository.js';
import { loadRegistry } from '../db/unit-repository.js';
import { resolveUnits } from '../domain/units.js';
import { overdueEntries, quietEntries } from '../domain/digest/build.js';
import { escalationRule, quietDaysOf, type Digest } from '../domain/digest/model.js';
import { configMap } from './config.js';
import { directiveMembers, quietTasks } from './digest.js';
import type { Context } from './context.js';
import { loadViews } from './load-tasks.js';

export async function makeOverdueReport(ctx: Context, unit: string | null): Promise<Digest> {
  const chosen = unit === null ? null : resolveUnits(await loadRegistry(ctx.db), unit);
  const views = await loadViews(ctx, { openDueBy: ctx.today, leadUnitIds: chosen?.map((u) => u.id) });
  const overdue = views.filter((v) => v.bucket === 'open_overdue');
  const ids = overdue.map((v) => v.id);
  const notes = await latestNotes(ctx.db, ids, ctx.today);
  const settings = await configMap(ctx);
  const escalation = escalationRule(settings);
  const quietDays = quietDaysOf(settings);
  const quiet = await quietTasks(ctx, { asOf: ctx.today, quietDays, leadUnitIds: chosen?.map((u) => u.id) });
  return {
    kind: 'overdue',
    period: { month: null, from: null, asOf: ctx.today, today: ctx.today, nextMonth: null },
    unitFilter: chosen?.map((u) => ({ code: u.code, name: u.name })) ?? null,
    totals: null,
    units: null,
    overdue: overdueEntries(overdue, notes, await countSentReminders(ctx.db, ids), escalation),
    escalation,
    quiet: quietEntries(quiet.views, quiet.notes, ctx.today),
    quietDays,
    directiveMembers: await directiveMembers(ctx, [overdue, quiet.views], ctx.today, chosen?.map((u) => u.id)),
    completedThisMonth: null,
    extensionsThisMonth: null,
    dueNextMonth: null,
    settings,
  };
}
