/** `tasks progress|done|extend|cancel|reopen|edit`: changes to one task. */
import type { Command } from 'commander';
import type { TaskView } from '../../domain/task.js';
import { UsageError, t } from '../../domain/errors.js';
import { withSession, type Session } from '../context.js';
import { collect, dateArg, parseId } from '../options.js';
import { printJson, say } from '../output.js';

type ChangeApp = typeof import('../../app/change-task.js');

/** Runs one change and reports it: a line on stderr, or the task as JSON on stdout. */
async function run(command: Command, idText: string, work: (app: ChangeApp, s: Session, id: number) => Promise<TaskView>, message: (view: TaskView, en: boolean) => string): Promise<void> {
  const id = parseId(idText);
  const [app, { taskJson }] = await Promise.all([import('../../app/change-task.js'), import('../../report/task-json.js')]);
  await withSession(command, { mayCreate: false }, async (s) => {
    const view = await work(app, s, id);
    if (s.json) return printJson(taskJson(view));
    say(message(view, s.render.lang === 'en'));
  });
}

function requireOption<T>(value: T | undefined, flag: string): T {
  if (value === undefined) throw new UsageError(t(`thiếu ${flag}`, `missing ${flag}`));
  return value;
}

export function registerChanges(program: Command): void {
  program
    .command('progress')
    .description('ghi báo cáo tiến độ của một nhiệm vụ')
    .argument('<id>', 'số nhiệm vụ')
    .argument('<note>', 'nội dung báo cáo tiến độ')
    .addHelpText('after', '\nVí dụ:\n  tasks progress 12 "Đã dự thảo kế hoạch, đang lấy ý kiến các phòng"')
    .action((idText: string, note: string, _opts, command: Command) =>
      run(command, idText, (app, s, id) => app.recordProgress(s.ctx, id, note), (v, en) => (en ? `Progress noted on task #${v.id}.` : `Đã ghi tiến độ nhiệm vụ #${v.id}.`)),
    );

  program
    .command('done')
    .description('đánh dấu hoàn thành, kèm văn bản báo cáo kết quả')
    .argument('<id>', 'số nhiệm vụ')
    .option('--on <date>', 'ngày hoàn thành (mặc định: hôm nay)', dateArg('ngày hoàn thành'))
    .option('-e, --evidence <document>', 'số văn bản báo cáo kết quả, ví dụ "123/BC-VP"')
    .option('-n, --note <text>', 'ghi chú')
    .addHelpText('after', '\nVí dụ:\n  tasks done 12 --on 20/07/2026 --evidence "123/BC-VP"')
    .action((idText: string, opts: { on?: string; evidence?: string; note?: string }, command: Command) =>
      run(
        command,
        idText,
        (app, s, id) => app.completeTask(s.ctx, id, { on: opts.on ?? null, evidence: opts.evidence ?? null, note: opts.note ?? null }),
        (v, en) => (en ? `Task #${v.id} done (${v.bucket}).` : `Nhiệm vụ #${v.id} đã hoàn thành${v.bucket === 'done_late' ? `, quá hạn ${v.daysLate} ngày` : ' đúng hạn'}.`),
      ),
    );

  program
    .command('extend')
    .description('gia hạn (điều chỉnh thời hạn); hạn ban đầu được giữ lại. Trưởng đơn vị: gửi đề nghị gia hạn để văn phòng duyệt')
    .argument('<id>', 'số nhiệm vụ')
    .option('--to <date>', 'hạn mới', dateArg('hạn mới'))
    .option('-r, --reason <text>', 'lý do gia hạn (với --reject: lý do không duyệt)')
    .option('--approve', 'văn phòng duyệt đề nghị gia hạn đang chờ')
    .option('--reject', 'văn phòng không duyệt đề nghị gia hạn đang chờ')
    .addHelpText(
      'after',
      '\nVí dụ:\n  tasks extend 12 --to 15/10/2026 --reason "Chờ ý kiến của Bộ Ngoại giao"\n  tasks extend 12 --approve\n  tasks extend 12 --reject --reason "Đề nghị hoàn thành đúng hạn đã giao"',
    )
    .action(async (idText: string, opts: { to?: string; reason?: string; approve?: boolean; reject?: boolean }, command: Command) => {
      const id = parseId(idText);
      if (opts.approve && opts.reject) throw new UsageError(t('chỉ dùng một trong --approve và --reject', 'use only one of --approve and --reject'));
      if ((opts.approve || opts.reject) && opts.to !== undefined) {
        throw new UsageError(t('--to không dùng cùng --approve hoặc --reject: duyệt đúng hạn đã đề nghị', '--to does not go with --approve or --reject: the requested date is settled as asked'));
      }
      if (opts.approve && opts.reason !== undefined) throw new UsageError(t('--approve giữ lý do của đề nghị; bỏ --reason', '--approve keeps the request\'s reason; drop --reason'));
      const [app, { taskJson, requestJson }] = await Promise.all([import('../../app/change-task.js'), import('../../report/task-json.js')]);
      await withSession(command, { mayCreate: false }, async (s) => {
        const result = opts.approve
          ? await app.approveExtension(s.ctx, id)
          : opts.reject
            ? await app.rejectExtension(s.ctx, id, opts.reason ?? null)
            : await app.extendTask(s.ctx, id, requireOption(opts.to, '--to'), requireOption(opts.reason, '--reason'));
        if (s.json) return printJson({ ...taskJson(result.view), pendingExtension: result.request ? requestJson(result.request) : null });
        const en = s.render.lang === 'en';
        const v = result.view;
        const due = v.due?.split('-').reverse().join('/');
        if (result.request) {
          const to = result.request.to.split('-').reverse().join('/');
          say(en ? `Extension of task #${v.id} to ${result.request.to} requested; the office approves or rejects it.` : `Đã gửi đề nghị gia hạn nhiệm vụ #${v.id} đến ${to}; chờ văn phòng duyệt.`);
        } else if (opts.reject) {
          say(en ? `Extension request for task #${v.id} rejected; still due ${v.due}.` : `Không duyệt đề nghị gia hạn nhiệm vụ #${v.id}; hạn vẫn là ${due}.`);
        } else {
          say(en ? `Task #${v.id} now due ${v.due}.` : `Nhiệm vụ #${v.id} được gia hạn đến ${due}.`);
        }
      });
    });

  program
    .command('cancel')
    .description('dừng thực hiện (rút) một nhiệm vụ, có lý do')
    .argument('<id>', 'số nhiệm vụ')
    .option('-r, --reason <text>', 'lý do')
    .option('--series', 'với nhiệm vụ định kỳ: dừng luôn các kỳ sau')
    .addHelpText('after', '\nVí dụ:\n  tasks cancel 12 --reason "Đã lồng ghép vào Kế hoạch 28/KH-SNgV"')
    .action((idText: string, opts: { reason?: string; series?: boolean }, command: Command) =>
      run(
        command,
        idText,
        (app, s, id) => app.cancelTask(s.ctx, id, requireOption(opts.reason, '--reason'), opts.series === true),
        (v, en) => (en ? `Task #${v.id} cancelled.` : `Nhiệm vụ #${v.id} đã dừng thực hiện.`),
      ),
    );

  program
    .command('reopen')
    .description('mở lại nhiệm vụ đã hoàn thành hoặc đã dừng')
    .argument('<id>', 'số nhiệm vụ')
    .addHelpText('after', '\nVí dụ:\n  tasks reopen 12')
    .action((idText: string, _opts, command: Command) =>
      run(command, idText, (app, s, id) => app.reopenTask(s.ctx, id), (v, en) => (en ? `Task #${v.id} reopened.` : `Đã mở lại nhiệm vụ #${v.id}.`)),
    );

  program
    .command('edit')
    .description('sửa nhiệm vụ chưa hoàn thành: nội dung, đơn vị, hạn')
    .argument('<id>', 'số nhiệm vụ')
    .option('--text <text>', 'nội dung mới')
    .option('-u, --unit <unit>', 'đơn vị chủ trì (giao cho nhiệm vụ chưa có đơn vị)')
    .option('-c, --coord <unit>', 'đơn vị phối hợp, thay cả danh sách (lặp lại được)', collect)
    .option('--no-coord', 'bỏ hết đơn vị phối hợp')
    .option('-d, --due <date>', 'sửa hạn xử lý ban đầu (khi chưa gia hạn)', dateArg('hạn xử lý'))
    .option('--ongoing', 'chuyển thành nhiệm vụ thường xuyên')
    .addHelpText('after', '\nVí dụ:\n  tasks edit 12 --unit HTQT --coord VP --due 30/11/2026')
    .action((idText: string, opts: { text?: string; unit?: string; coord?: string[] | false; due?: string; ongoing?: boolean }, command: Command) =>
      run(
        command,
        idText,
        (app, s, id) =>
          app.editTask(s.ctx, id, {
            text: opts.text,
            unit: opts.unit,
            coordinating: opts.coord === false ? [] : opts.coord,
            due: opts.due,
            ongoing: opts.ongoing,
          }),
        (v, en) => (en ? `Task #${v.id} updated.` : `Đã sửa nhiệm vụ #${v.id}.`),
      ),
    );
}
