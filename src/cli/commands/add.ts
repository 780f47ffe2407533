/** `tasks add TEXT --unit U (--due D | --ongoing | --every P)` */
import type { Command } from 'commander';
import type { Schedule } from '../../app/add-task.js';
import { ValidationError, UsageError, t } from '../../domain/errors.js';
import { firstPeriodStart, type Period } from '../../domain/recurrence.js';
import { formatDate } from '../../domain/dates.js';
import { withSession } from '../context.js';
import { collect, dateArg, parseCount, parsePeriod } from '../options.js';
import { printData, printJson, say } from '../output.js';
import { canPrompt } from '../tty.js';

interface AddOptions {
  unit?: string;
  coord?: string[];
  due?: string;
  ongoing?: boolean;
  every?: Period;
  day?: number;
  until?: string;
  source?: string;
  issued?: string;
}

function scheduleOf(opts: AddOptions): Schedule | null {
  const chosen = [opts.due !== undefined, opts.ongoing === true, opts.every !== undefined].filter(Boolean).length;
  if (chosen > 1) {
    throw new UsageError(t('chỉ chọn một trong --due, --ongoing, --every', 'choose only one of --due, --ongoing, --every'));
  }
  if ((opts.day !== undefined || opts.until !== undefined) && opts.every === undefined) {
    throw new UsageError(t('--day và --until chỉ dùng cùng --every', '--day and --until go with --every'));
  }
  if (opts.due !== undefined) return { kind: 'due', due: opts.due };
  if (opts.ongoing) return { kind: 'ongoing' };
  if (opts.every !== undefined) return { kind: 'recurring', every: opts.every, day: opts.day ?? null, until: opts.until ?? null };
  return null;
}

export function registerAdd(program: Command): void {
  program
    .command('add')
    .description('ghi một nhiệm vụ được giao (một nhiệm vụ cho mỗi đơn vị chủ trì)')
    .argument('[text]', 'nội dung nhiệm vụ')
    .option('-u, --unit <unit>', 'đơn vị chủ trì: mã, tên hoặc tên gọi khác; một nhóm tạo một nhiệm vụ cho mỗi đơn vị')
    .option('-c, --coord <unit>', 'đơn vị phối hợp (lặp lại được)', collect)
    .option('-d, --due <date>', 'hạn xử lý, YYYY-MM-DD hoặc DD/MM/YYYY', dateArg('hạn xử lý'))
    .option('--ongoing', 'nhiệm vụ thường xuyên, không có hạn')
    .option('--every <period>', 'định kỳ: month, quarter, half-year, year', parsePeriod)
    .option('--day <n>', 'với --every: hạn là ngày N của tháng cuối kỳ (mặc định: ngày cuối kỳ)', parseCount('--day'))
    .option('--until <date>', 'với --every: kỳ cuối cùng bắt đầu trước ngày này', dateArg('--until'))
    .option('-s, --source <number>', 'số văn bản giao nhiệm vụ, ví dụ "984/KH-SNgV"')
    .option('--issued <date>', 'với --source mới: ngày ban hành văn bản (là ngày giao)', dateArg('ngày ban hành'))
    .addHelpText(
      'after',
      `
Ví dụ:
  tasks add "Rà soát Kế hoạch CCHC năm 2026" --unit VP --due 30/09/2026 --source 84/TB-SNgV
  tasks add "Rà soát TTHC của đơn vị" --unit "các đơn vị thuộc Sở" --due 2026-12-15
  tasks add "Sử dụng thư điện tử công vụ" --unit "van phong" --ongoing
  tasks add "Báo cáo công tác CCHC quý" --unit VP --every quarter --day 15 --until 2027-12-31`,
    )
    .action(async (textArg: string | undefined, opts: AddOptions, command: Command) => {
      let text = textArg;
      let schedule = scheduleOf(opts);
      let unit = opts.unit;
      if ((!text || !unit || !schedule) && canPrompt()) {
        const prompts = await import('../prompts.js');
        text ??= await prompts.askText('Nội dung nhiệm vụ');
        unit ??= await prompts.askText('Đơn vị chủ trì (mã, tên hoặc tên gọi khác)');
        schedule ??= await prompts.askSchedule();
      }
      if (!text || !unit || !schedule) {
        const missing = [!text && 'TEXT', !unit && '--unit', !schedule && '--due/--ongoing/--every'].filter(Boolean).join(', ');
        throw new UsageError(t(`thiếu ${missing}`, `missing ${missing}`), t('ví dụ: tasks add "Nội dung" --unit VP --due 30/09/2026', 'e.g. tasks add "Text" --unit VP --due 2026-09-30'));
      }
      if (opts.issued !== undefined && opts.source === undefined) {
        throw new ValidationError(t('--issued chỉ dùng cùng --source', '--issued goes with --source'));
      }
      const [{ addTask }, { taskJson }] = await Promise.all([import('../../app/add-task.js'), import('../../report/task-json.js')]);
      await withSession(command, { mayCreate: true, office: t('thêm nhiệm vụ', 'add tasks') }, async (s) => {
        const created = await addTask(s.ctx, {
          text: text!,
          unit: unit!,
          coordinating: opts.coord ?? [],
          schedule: schedule!,
          source: opts.source !== undefined ? { number: opts.source, issuedOn: opts.issued ?? null } : null,
        });
        if (s.json) return printJson(created.map(taskJson));
        const en = s.render.lang === 'en';
        if (schedule!.kind === 'recurring' && created.length === 0) {
          const first = formatDate(firstPeriodStart(schedule!.every, schedule!.day, s.ctx.today));
          return say(en ? `Recurring task recorded; its first period begins ${first}.` : `Đã ghi nhiệm vụ định kỳ; kỳ đầu tiên bắt đầu từ ${first}.`);
        }
        say(en ? `Added ${created.length} task(s).` : `Đã thêm ${created.length} nhiệm vụ.`);
        if (!s.render.tty) return printData((await import('../../report/plain-render.js')).renderTaskListPlain(created, s.ctx.today, s.render.lang));
        const { renderTaskList } = await import('../../report/task-render.js');
        printData(renderTaskList(created, s.ctx.today, s.render));
      });
    });
}
