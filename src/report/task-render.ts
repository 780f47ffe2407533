/** Tasks on a terminal and as plain lines: the list, the daily view, one task in full. */
import { formatDate } from '../domain/dates.js';
import { entryWords, vietnamTime } from './audit-render.js';
import type { TaskView } from '../domain/task.js';
import { PERIOD_LABELS, word } from './labels.js';
import { renderTaskListPlain } from './plain-render.js';
import { dueLabel, leadLabel, stateLabel } from './task-labels.js';
import { paintBucket, painter, safe, table, type RenderOptions } from './terminal.js';

export { dueLabel, leadLabel, stateLabel } from './task-labels.js';

/** `tasks list`: one row per task. */
export function renderTaskList(views: TaskView[], today: string, options: RenderOptions): string {
  const { lang } = options;
  if (!options.tty || views.length === 0) return renderTaskListPlain(views, today, lang);
  const paint = painter(options);
  const t = table(
    [word(lang, 'id'), word(lang, 'text'), word(lang, 'lead'), word(lang, 'due'), word(lang, 'status')].map((h) => paint.bold(h)),
    [6, 8, 13, 30],
    options.width,
  );
  for (const v of views) {
    t.push([String(v.id), safe(v.text), leadLabel(v, lang), dueLabel(v, lang), paintBucket(paint, v.bucket, stateLabel(v, today, lang))]);
  }
  return `${t.toString()}\n${paint.dim(word(lang, 'total', { n: views.length }))}\n`;
}

/** `tasks show`: one task with everything known about it. */
export function renderTaskDetail(
  detail: TaskView & {
    progress: { on: string; note: string; by: string }[];
    history: { at: string; actor: string; action: string; detail?: Record<string, unknown> }[];
    pendingExtension?: { to: string; reason: string; requestedBy: string; requestedOn: string } | null;
  },
  today: string,
  options: RenderOptions,
): string {
  const { lang } = options;
  const paint = painter(options);
  const field = (label: string, value: string) => `${paint.bold(`${label}:`.padEnd(18))} ${value}`;
  const lines = [
    paint.bold(`#${detail.id}  ${safe(detail.text)}`),
    field(word(lang, 'lead'), detail.lead ? `${detail.lead.name} (${detail.lead.code})` : leadLabel(detail, lang)),
  ];
  if (detail.coordinating.length) lines.push(field(word(lang, 'coordinating'), detail.coordinating.map((u) => u.name).join(', ')));
  lines.push(field(word(lang, 'due'), dueLabel(detail, lang)));
  if (detail.originalDue && detail.originalDue !== detail.due) lines.push(field(word(lang, 'originalDue'), formatDate(detail.originalDue)));
  lines.push(field(word(lang, 'status'), paintBucket(paint, detail.bucket, stateLabel(detail, today, lang))));
  lines.push(field(word(lang, 'assignedOn'), formatDate(detail.assignedOn)));
  if (detail.source) lines.push(field(word(lang, 'source'), `${detail.source.number ?? ''}${detail.source.issuedOn ? ` (${formatDate(detail.source.issuedOn)})` : ''}`));
  if (detail.series) lines.push(field(word(lang, 'recurring'), `${PERIOD_LABELS[detail.series.every][lang]}, ${word(lang, 'every')} ${detail.series.period}`));
  if (detail.completedOn) lines.push(field(word(lang, 'completedOn'), formatDate(detail.completedOn)));
  if (detail.evidence) lines.push(field(word(lang, 'evidence'), safe(detail.evidence)));
  if (detail.completionNote) lines.push(field(word(lang, 'note'), safe(detail.completionNote)));
  if (detail.cancelReason && detail.cancelledOn) lines.push(field(word(lang, 'cancelReason'), safe(detail.cancelReason)));
  if (detail.extensions.length) {
    lines.push('', paint.bold(word(lang, 'extensions')));
    for (const e of detail.extensions) lines.push(`  ${formatDate(e.grantedOn)}  ${formatDate(e.from)} → ${formatDate(e.to)}  ${safe(e.reason)} (${safe(e.by)})`);
  }
  const pending = detail.pendingExtension;
  if (pending) {
    lines.push('', paint.bold(lang === 'en' ? 'Extension request awaiting the office' : 'Đề nghị gia hạn chờ văn phòng duyệt'));
    const due = detail.due ? formatDate(detail.due) : lang === 'en' ? 'none' : 'chưa có';
    lines.push(
      lang === 'en'
        ? `  Extension to ${formatDate(pending.to)} asked (sent ${formatDate(pending.requestedOn)}), due now ${due}; reason: ${safe(pending.reason)} (${safe(pending.requestedBy)})`
        : `  Đề nghị gia hạn đến ${formatDate(pending.to)} (gửi ${formatDate(pending.requestedOn)}), hạn hiện tại ${due}; lý do: ${safe(pending.reason)} (${safe(pending.requestedBy)})`,
    );
    lines.push(paint.dim(lang === 'en' ? `  tasks extend ${detail.id} --approve | --reject` : `  duyệt: tasks extend ${detail.id} --approve; không duyệt: tasks extend ${detail.id} --reject`));
  }
  if (detail.progress.length) {
    lines.push('', paint.bold(word(lang, 'progress')));
    for (const p of detail.progress) lines.push(`  ${formatDate(p.on)}  ${safe(p.note)} (${safe(p.by)})`);
  }
  if (detail.history.length) {
    lines.push('', paint.bold(word(lang, 'history')));
    for (const h of detail.history) lines.push(paint.dim(`  ${vietnamTime(h.at)}  ${safe(h.actor)}  ${entryWords(h, lang)}`));
  }
  return `${lines.join('\n')}\n`;
}
