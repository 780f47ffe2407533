/** `tasks due`, `tasks overdue`, `tasks list`, `tasks show`: reading the tracker. */
import type { Command } from 'commander';
import { UsageError, t } from '../../domain/errors.js';
import type { Bucket } from '../../domain/status.js';
import { globalsOf, withSession } from '../context.js';
import { dateArg, parseBuckets, parseCount, parseId } from '../options.js';
import { printData, printJson, say } from '../output.js';

async function showDue(command: Command, opts: { within?: number; unit?: string; all?: boolean; json?: boolean; out?: string }, overdueOnly: boolean): Promise<void> {
  if (opts.all && opts.unit !== undefined) throw new UsageError(t('--all không đi cùng --unit', '--all does not go with --unit'), t('ví dụ: tasks due --all', 'e.g. tasks due --all'));
  const { dueView, dueLines } = await import('../../app/due-view.js');
  const within = opts.within ?? 7;
  await withSession(command, { mayCreate: false, readOnly: 'shown' }, async (s) => {
    // A unit head's morning list is the unit's own; the office (and --all) sees the whole Sở.
    const acting = s.ctx.acting;
    const ownUnit = !overdueOnly && !opts.all && opts.unit === undefined && acting?.role === 'head' && acting.unit ? acting.unit : null;
    if (ownUnit && !s.json && opts.json !== true) {
      say(s.render.lang === 'en' ? `Tasks led by ${ownUnit.name}; the whole Sở: tasks due --all` : `Nhiệm vụ do ${ownUnit.name} chủ trì; cả Sở: tasks due --all`);
    }
    const input = { within, unit: opts.unit ?? ownUnit?.code ?? null, overdueOnly };
    const json = s.json || opts.json === true;
    if (json) {
      // The JSON array is the full task's shape (coordinating units, evidence, series...).
      const { taskJson, toJson } = await import('../../report/task-json.js');
      const items = (await dueView(s.ctx, input)).map((e) => Object.assign(taskJson(e), { section: e.section }));
      if (overdueOnly) {
        // The pre-meeting list adds what the giao ban asks about; no field of the daily view changes.
        const report = await (await import('../../app/overdue-report.js')).makeOverdueReport(s.ctx, input.unit);
        const extra = new Map(report.overdue.map((v) => [v.id, { remindersSent: v.remindersSent, escalate: v.escalate, latestNote: v.latestNote }]));
        for (const item of items) Object.assign(item, extra.get(item.id) ?? {});
      }
      if (opts.out === undefined) return printJson(items);
      const { writeReport } = await import('../write-output.js');
      const written = writeReport(toJson(items), opts.out, false);
      return say(s.render.lang === 'en' ? `Written: ${written}` : `Đã ghi tệp: ${written}`);
    }
    // Lines print only what they show, from one narrow read.
    const entries = await dueLines(s.ctx, input);
    if (opts.out === undefined) {
      // The table and colour libraries only for a terminal: pipes and cron jobs get plain lines,
      // written a few hundred at a time as they are made.
      if (!s.render.tty) {
        for (const chunk of (await import('../../report/plain-render.js')).duePlainChunks(entries, s.ctx.today, s.render.lang)) printData(chunk);
        return;
      }
      const { renderDue } = await import('../../report/due-render.js');
      return printData(renderDue(entries, s.ctx.today, within, s.render));
    }
    const { renderDue } = await import('../../report/due-render.js');
    const { writeReport } = await import('../write-output.js');
    const written = writeReport(renderDue(entries, s.ctx.today, within, { ...s.render, color: false }), opts.out, false);
    say(s.render.lang === 'en' ? `Written: ${written}` : `Đã ghi tệp: ${written}`);
  });
}

export function registerViews(program: Command): void {
  program
    .command('due')
    .description('việc hằng ngày: quá hạn, sắp đến hạn, cần xác định hạn hoặc đơn vị')
    .option('-w, --within <days>', 'số ngày tới tính là sắp đến hạn (mặc định 7)', parseCount('--within'))
    .option('-u, --unit <unit>', 'chỉ nhiệm vụ do đơn vị (hoặc nhóm) này chủ trì (mặc định với trưởng đơn vị: đơn vị mình)')
    .option('-a, --all', 'cả Sở, kể cả khi người chạy là trưởng đơn vị')
    .addHelpText('after', '\nVí dụ:\n  tasks due\n  tasks due --within 14 --unit "Phòng Lãnh sự"\n  tasks due --all\n  tasks due --today 2026-11-20 --json')
    .action((opts, command: Command) => showDue(command, opts, false));

  program
    .command('overdue')
    .description('danh sách nhiệm vụ quá hạn, chuẩn bị cho họp giao ban')
    .option('-u, --unit <unit>', 'chỉ nhiệm vụ do đơn vị (hoặc nhóm) này chủ trì')
    .option('-f, --format <format>', 'term, md, html, docx, xlsx, csv hoặc json (mặc định: theo đuôi tệp --out, hoặc term)')
    .option('-o, --out <file>', 'ghi ra tệp thay vì màn hình')
    .addHelpText('after', '\nVí dụ:\n  tasks overdue --today 2026-11-30\n  tasks overdue --format docx --out qua-han.docx\n  tasks overdue --unit VP --format md')
    .action(async (opts: { unit?: string; format?: string; out?: string }, command: Command) => {
      const { chooseFormat, parseFormat } = await import('../../report/digest/render.js');
      const format = chooseFormat(opts.format === undefined ? undefined : parseFormat(opts.format), globalsOf(command).json === true, opts.out);
      // The terminal list and the JSON array are the daily view's; the documents are the digest's overdue section.
      if (format === 'term' || format === 'json') return showDue(command, { ...opts, json: format === 'json' }, true);
      const [{ makeOverdueReport }, { emitReport }] = await Promise.all([import('../../app/overdue-report.js'), import('./digest.js')]);
      await withSession(command, { mayCreate: false, readOnly: 'shown' }, (s) => emitReport(s, () => makeOverdueReport(s.ctx, opts.unit ?? null), { format, out: opts.out }));
    });

  program
    .command('list')
    .description('liệt kê nhiệm vụ (mặc định: tất cả, kể cả đã hoàn thành và đã dừng)')
    .option('-u, --unit <unit>', 'đơn vị (hoặc nhóm) chủ trì')
    .option('-b, --bucket <bucket>', `tình trạng, lặp lại hoặc cách nhau bởi dấu phẩy: done_on_time, done_late, open_in_term, open_overdue, ongoing, cancelled, undated`, parseBuckets)
    .option('-s, --source <number>', 'số văn bản, ví dụ "84/TB-SNgV"')
    .option('--due-before <date>', 'hạn xử lý đến hết ngày này', dateArg('--due-before'))
    .option('--due-after <date>', 'hạn xử lý từ ngày này', dateArg('--due-after'))
    .option('-q, --search <words>', 'tìm trong nội dung, không phân biệt hoa thường và dấu')
    .addHelpText('after', '\nVí dụ:\n  tasks list --unit VP --bucket open_overdue\n  tasks list --search "thu dien tu cong vu"\n  tasks list --source 84/TB-SNgV --json')
    .action(async (opts: { unit?: string; bucket?: Bucket[]; source?: string; dueBefore?: string; dueAfter?: string; search?: string }, command: Command) => {
      const [{ listTaskViews }, { taskJson }] = await Promise.all([import('../../app/list-tasks.js'), import('../../report/task-json.js')]);
      await withSession(command, { mayCreate: false, readOnly: 'shown' }, async (s) => {
        const views = await listTaskViews(s.ctx, {
          unit: opts.unit ?? null,
          buckets: opts.bucket ?? null,
          source: opts.source ?? null,
          dueBefore: opts.dueBefore ?? null,
          dueAfter: opts.dueAfter ?? null,
          search: opts.search ?? null,
        });
        if (s.json) return printJson(views.map(taskJson));
        if (!s.render.tty) return printData((await import('../../report/plain-render.js')).renderTaskListPlain(views, s.ctx.today, s.render.lang));
        const { renderTaskList } = await import('../../report/task-render.js');
        printData(renderTaskList(views, s.ctx.today, s.render));
      });
    });

  program
    .command('show')
    .description('xem một nhiệm vụ: tiến độ, gia hạn, lịch sử thay đổi')
    .argument('<id>', 'số nhiệm vụ')
    .addHelpText('after', '\nVí dụ:\n  tasks show 12')
    .action(async (idText: string, _opts, command: Command) => {
      const id = parseId(idText);
      const [{ showTask }, { taskJson, requestJson }, { renderTaskDetail }] = await Promise.all([
        import('../../app/show-task.js'),
        import('../../report/task-json.js'),
        import('../../report/task-render.js'),
      ]);
      await withSession(command, { mayCreate: false, readOnly: 'shown' }, async (s) => {
        const detail = await showTask(s.ctx, id);
        if (s.json) {
          return printJson({
            ...taskJson(detail),
            progress: detail.progress,
            extensions: detail.extensions.map((e) => ({ from: e.from, to: e.to, reason: e.reason, on: e.grantedOn, by: e.by })),
            pendingExtension: detail.pendingExtension ? requestJson(detail.pendingExtension) : null,
            history: detail.history,
          });
        }
        printData(renderTaskDetail(detail, s.ctx.today, s.render));
      });
    });
}
