/** `tasks import FILE [--dry-run] [--yes] …` and `tasks import --undo SOURCE`. */
import type { Command } from 'commander';
import type { Decision, FinishOptions, ImportPlan, PlannedDirective } from '../../app/import-conclusion.js';
import type { Timing } from '../../import/types.js';
import { formatDate, type IsoDate } from '../../domain/dates.js';
import { UsageError, t } from '../../domain/errors.js';
import { resolveUnits } from '../../domain/units.js';
import { withSession, type Session } from '../context.js';
import { dateArg } from '../options.js';
import { printData, printJson, say } from '../output.js';
import { canPrompt } from '../tty.js';

interface ImportOptions {
  dryRun?: boolean;
  yes?: boolean;
  kind?: string;
  number?: string;
  issued?: IsoDate;
  meetingDate?: IsoDate;
  defaultDue?: IsoDate;
  fallbackUnit?: string;
  undo?: string;
  update?: boolean;
}

function errorText(error: unknown): string | null {
  return error instanceof Error ? error.message : null;
}

/**
 * pdf.js says "Warning: …" (and "Info: …") on the console about damaged PDFs it still reads; those
 * lines are for its developers and never reach the user, who gets our own messages.
 */
async function withoutPdfWarnings<T>(work: () => Promise<T>): Promise<T> {
  const { warn, log, info } = console;
  const quiet =
    (original: (...args: unknown[]) => void) =>
    (...args: unknown[]): void => {
      if (typeof args[0] === 'string' && /^(Warning|Info): /.test(args[0])) return;
      original(...args);
    };
  console.warn = quiet(warn);
  console.log = quiet(log);
  console.info = quiet(info);
  try {
    return await work();
  } finally {
    console.warn = warn;
    console.log = log;
    console.info = info;
  }
}

/**
 * Shows each directive and asks; several corrections per item, back to the previous one, or
 * accept the rest. Returns the decisions, or null when the reviewer declines the final summary.
 * Ctrl+C ends the command before anything is written.
 */
async function review(session: Session, plan: ImportPlan, finish: FinishOptions): Promise<Decision[] | null> {
  const [prompts, { renderDirective, scheduleLabel }, app] = await Promise.all([import('../prompts.js'), import('../../report/import-render.js'), import('../../app/import-conclusion.js')]);
  const readTiming = await app.timingAnswerReader(session.ctx, plan);
  const count = plan.proposal.directives.length;
  const decisions: Decision[] = plan.proposal.directives.map(() => ({}));
  const planned = () => app.finishPlan(plan, decisions, finish);
  const checkUnits = (v: string) => {
    try {
      v.split(/[,;]/).map((s) => s.trim()).filter(Boolean).forEach((name) => resolveUnits(plan.registry, name));
      return null;
    } catch (error) {
      return errorText(error);
    }
  };
  let i = 0;
  while (i < count) {
    const d = planned()[i];
    say(`\n${renderDirective(d, { ...session.render, tty: true, color: session.render.color })}${d.skipped ? '\n    (bỏ qua)' : ''}`);
    const choice = await prompts.askReview(`Mục ${d.ordinal} (${i + 1}/${count})`, { first: i === 0 });
    if (choice === 'accept') {
      if (decisions[i].skip) decisions[i] = { ...decisions[i], skip: false };
      i += 1;
    } else if (choice === 'skip') {
      decisions[i] = { ...decisions[i], skip: true };
      i += 1;
    } else if (choice === 'back') i = Math.max(0, i - 1);
    else if (choice === 'rest') break;
    else if (choice === 'owner') {
      const answer = await prompts.askChecked('Đơn vị chủ trì (mã hoặc tên, cách nhau bởi dấu phẩy; để trống: chưa giao)', checkUnits, d.lead.map((u) => u.code).join(', '));
      const lead = answer.split(/[,;]/).map((s) => s.trim()).filter(Boolean).flatMap((name) => resolveUnits(plan.registry, name));
      decisions[i] = { ...decisions[i], lead: [...new Map(lead.map((u) => [u.id, u])).values()] };
    } else {
      const check = (v: string) => {
        if (!v.trim()) return null;
        const timing = readTiming(v);
        return 'kind' in timing ? null : timing.vi;
      };
      const answer = await prompts.askChecked(`Thời hạn (vd. 31/12/2026, trước ngày 15/01/2027, quý I/2027, hằng tháng trước ngày 20, thường xuyên; Enter: giữ "${scheduleLabel(d, 'vi')}")`, check);
      if (answer.trim()) decisions[i] = { ...decisions[i], timing: readTiming(answer) as Timing };
    }
  }
  const directives = planned();
  const kept = directives.filter((d) => !d.skipped);
  const { number, issuedOn } = plan.proposal.source;
  say(
    `\nSẽ ghi văn bản ${number ?? '(chưa có số)'}${issuedOn ? ` ngày ${formatDate(issuedOn)}` : ''}: ${kept.length} ý kiến chỉ đạo` +
      `${kept.length < directives.length ? ` (bỏ qua ${directives.length - kept.length})` : ''}, ${app.taskCountOf(directives)} nhiệm vụ.`,
  );
  return (await prompts.askConfirm('Ghi vào cơ sở dữ liệu?', 'y: ghi · Enter: không ghi')) ? decisions : null;
}

async function runImport(file: string, opts: ImportOptions, command: Command): Promise<void> {
  const [{ readSource }, app, { importJson }, { renderProposal }] = await Promise.all([
    import('../../import/read-source.js'),
    import('../../app/import-conclusion.js'),
    import('../../report/import-json.js'),
    import('../../report/import-render.js'),
  ]);
  const text = await withoutPdfWarnings(() => readSource(file));
  await withSession(command, { mayCreate: !opts.dryRun }, async (s) => {
    const plan = await app.planImport(s.ctx, text, {
      kind: opts.kind,
      number: opts.number,
      issuedOn: opts.issued,
      meetingOn: opts.meetingDate,
    });
    const finish = { defaultDue: opts.defaultDue ?? null, fallbackUnit: opts.fallbackUnit ?? null };
    const vi = s.render.lang === 'vi';
    let directives = app.finishPlan(plan, [], finish);
    if (plan.alreadyImported) return runUpdate(s, plan, directives, file, opts);
    if (!opts.dryRun && !opts.yes && canPrompt()) {
      const decisions = await review(s, plan, finish);
      if (decisions === null) {
        say(vi ? 'Không ghi gì.' : 'Nothing written.');
        return;
      }
      directives = app.finishPlan(plan, decisions, finish);
    }
    const count = app.taskCountOf(directives);
    if (opts.dryRun) {
      if (s.json) return printJson(importJson(plan.proposal.source, directives, count, false));
      printData(renderProposal(plan.proposal.source, directives, s.render));
      say(vi ? `Xem trước: ${directives.filter((d) => !d.skipped).length} ý kiến chỉ đạo, ${count} nhiệm vụ; chưa ghi gì.` : `Preview: ${directives.length} directives, ${count} tasks; nothing written.`);
      return;
    }
    const result = await app.commitImport(s.ctx, plan, directives);
    if (result.alreadyImported) {
      say(vi ? 'Văn bản này đã được nhập trước đây; không tạo thêm gì.' : 'This source was imported before; nothing created.');
      if (s.json) printJson(importJson(plan.proposal.source, directives, 0, true));
      return;
    }
    if (s.json) return printJson(importJson(plan.proposal.source, directives, count, false));
    printData(renderProposal(plan.proposal.source, directives, s.render));
    const ref = plan.proposal.source.number ?? `#${result.sourceId}`;
    say(
      vi
        ? `Đã nhập ${directives.filter((d) => !d.skipped).length} ý kiến chỉ đạo, ${count} nhiệm vụ (văn bản ${ref}). Hủy bằng: tasks import --undo "${ref}"`
        : `Imported ${directives.filter((d) => !d.skipped).length} directives, ${count} tasks (source ${ref}). Undo with: tasks import --undo "${ref}"`,
    );
  });
}

/** A source imported before: nothing new, or the differences of a corrected version (applied with --update). */
async function runUpdate(s: Session, plan: ImportPlan, directives: PlannedDirective[], file: string, opts: ImportOptions): Promise<void> {
  const [updates, { importJson }, { renderUpdate, updateJson }] = await Promise.all([
    import('../../app/update-import.js'),
    import('../../report/import-json.js'),
    import('../../report/import-update-render.js'),
  ]);
  const vi = s.render.lang === 'vi';
  const update = plan.existing ? await updates.planUpdate(s.ctx, plan, directives) : null;
  const changes = update && updates.hasChanges(update) ? update : null;
  if (changes === null || !opts.update || opts.dryRun) {
    say(vi ? 'Văn bản này đã được nhập trước đây; không tạo thêm gì.' : 'This source was imported before; nothing created.');
    if (s.json) return printJson({ ...importJson(plan.proposal.source, directives, 0, true), ...(changes ? { changes: updateJson(changes), updated: false } : {}) });
    if (changes === null) return;
    say(vi ? 'Bản này khác bản đã nhập:' : 'This version differs from the one imported:');
    printData(renderUpdate(changes, s.render));
    if (!opts.dryRun) say(vi ? `Áp dụng các thay đổi: tasks import "${file}" --update` : `To apply them: tasks import "${file}" --update`);
    return;
  }
  if (!s.json) printData(renderUpdate(changes, s.render));
  if (!opts.yes && canPrompt()) {
    const prompts = await import('../prompts.js');
    const ref = plan.proposal.source.number ?? `#${changes.sourceId}`;
    if (!(await prompts.askConfirm(vi ? `Cập nhật văn bản ${ref} theo bản đã sửa?` : `Update ${ref} to the corrected version?`))) {
      say(vi ? 'Không thay đổi gì.' : 'Nothing changed.');
      return;
    }
  }
  const result = await updates.applyUpdate(s.ctx, plan, changes);
  if (s.json) return printJson({ ...importJson(plan.proposal.source, directives, result.addedTaskIds.length, true), changes: updateJson(changes), updated: true });
  const ref = plan.proposal.source.number ?? `#${result.sourceId}`;
  say(
    vi
      ? `Đã cập nhật văn bản ${ref}: ${changes.added.length} mục mới (${result.addedTaskIds.length} nhiệm vụ mới), ${changes.changed.length} mục sửa (${result.changedTaskIds.length} nhiệm vụ sửa), ${changes.removed.length} mục bỏ; ${result.cancelledTaskIds.length} nhiệm vụ dừng thực hiện.`
      : `Updated ${ref}: ${changes.added.length} new items (${result.addedTaskIds.length} new tasks), ${changes.changed.length} changed (${result.changedTaskIds.length} tasks changed), ${changes.removed.length} removed; ${result.cancelledTaskIds.length} tasks cancelled.`,
  );
}

async function runUndo(reference: string, command: Command): Promise<void> {
  const { undoImport } = await import('../../app/undo-import.js');
  await withSession(command, { mayCreate: false }, async (s) => {
    const result = await undoImport(s.ctx, reference);
    if (s.json) return printJson(result);
    say(s.render.lang === 'vi' ? `Đã hủy lần nhập văn bản ${result.number ?? `#${result.sourceId}`}: xóa ${result.tasks} nhiệm vụ, ${result.directives} ý kiến chỉ đạo.` : `Undid the import of ${result.number ?? `#${result.sourceId}`}: removed ${result.tasks} tasks, ${result.directives} directives.`);
    if (result.reminders > 0) say(s.render.lang === 'vi' ? `Các nhắc việc đã gửi (${result.reminders}) vẫn còn trong nhật ký: tasks log.` : `The reminders sent (${result.reminders}) stay in the audit trail: tasks log.`);
  });
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('nhập thông báo kết luận, ý kiến chỉ đạo (.txt, .md, .docx, .doc, .pdf) thành nhiệm vụ')
    .argument('[file]', 'tệp văn bản kết luận')
    .option('-n, --dry-run', 'chỉ xem trước, không ghi gì')
    .option('-y, --yes', 'nhập tất cả, không hỏi từng mục')
    .option('--kind <kind>', 'loại văn bản, ví dụ TB, KL, CV (mặc định: theo số hoặc tiêu đề văn bản)')
    .option('--number <number>', 'số văn bản, ví dụ "84/TB-SNgV" (mặc định: số ghi trong văn bản)')
    .option('--issued <date>', 'ngày ban hành (mặc định: ngày ghi trong văn bản)', dateArg('ngày ban hành'))
    .option('--meeting-date <date>', 'ngày họp (mặc định: ngày ghi trong văn bản)', dateArg('ngày họp'))
    .option('--default-due <date>', 'hạn cho các mục văn bản không nêu thời hạn', dateArg('--default-due'))
    .option('--fallback-unit <unit>', 'đơn vị chủ trì cho các mục không xác định được đơn vị')
    .option('--update', 'văn bản đã nhập (cùng số) nay có bản sửa: thêm mục mới, sửa mục đã sửa, dừng nhiệm vụ của mục bị bỏ; hỏi trước trên terminal, --yes để không hỏi')
    .option('--undo <source>', 'hủy lần nhập văn bản này (số văn bản hoặc #mã) khi chưa có nhiệm vụ nào được cập nhật')
    .addHelpText(
      'after',
      `
Ví dụ:
  tasks import data/ket-luan-mau.txt --dry-run
  tasks import "Thong bao ket luan 84.docx" --yes
  tasks import ket-luan.pdf --number 84/TB-SNgV --issued 02/8/2026 --default-due 31/12/2026
  tasks import ket-luan.txt --yes --fallback-unit VP --json
  tasks import "Thong bao ket luan 84 (ban sua).docx" --update
  tasks import --undo 84/TB-SNgV`,
    )
    .action(async (file: string | undefined, opts: ImportOptions, command: Command) => {
      if (opts.undo !== undefined) {
        if (file !== undefined) throw new UsageError(t('--undo không đi cùng tên tệp', '--undo takes no file'), t('ví dụ: tasks import --undo 84/TB-SNgV', 'e.g. tasks import --undo 84/TB-SNgV'));
        return runUndo(opts.undo, command);
      }
      if (file === undefined) throw new UsageError(t('thiếu tên tệp cần nhập', 'missing the file to import'), t('ví dụ: tasks import ket-luan.docx --dry-run', 'e.g. tasks import ket-luan.docx --dry-run'));
      return runImport(file, opts, command);
    });
}
