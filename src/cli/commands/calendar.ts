/** `tasks calendar off|workday|list|add`: the working-day calendar deadlines are counted on. */
import type { Command } from 'commander';
import { formatDate, readDate, type IsoDate } from '../../domain/dates.js';
import { ValidationError, t } from '../../domain/errors.js';
import { withSession } from '../context.js';
import { parseCount } from '../options.js';
import { printData, printJson, say } from '../output.js';

/** Any real day the calendar covers (1900–2199), not only the tracker's 2000–2099. */
function calendarDate(what: string): (value: string) => IsoDate {
  return (value) => {
    const date = readDate(value);
    if (date === null) {
      throw new ValidationError(t(`${what} không hợp lệ: "${value}"`, `invalid ${what}: "${value}"`), t('viết ngày theo dạng DD/MM/YYYY hoặc YYYY-MM-DD', 'write dates as DD/MM/YYYY or YYYY-MM-DD'));
    }
    return date;
  };
}

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) throw new ValidationError(t(`năm không hợp lệ: "${value}"`, `invalid year: "${value}"`), t('ví dụ: tasks calendar list 2026', 'e.g. tasks calendar list 2026'));
  return Number(value);
}

export function registerCalendar(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('lịch ngày làm việc: ngày nghỉ lễ, Tết, nghỉ bù, ngày làm bù')
    .addHelpText('after', '\nVí dụ:\n  tasks calendar list 2026\n  tasks calendar add 24/06/2021 10\n  tasks calendar off 2026-02-14 --to 2026-02-22 --name "Nghỉ Tết Bính Ngọ"\n  tasks calendar workday 2026-01-10 --name "Làm bù"');

  calendar
    .command('off')
    .description('ghi một hoặc nhiều ngày nghỉ theo quyết định của cấp có thẩm quyền')
    .argument('<date>', 'ngày nghỉ (hoặc ngày đầu với --to)', calendarDate('ngày'))
    .option('--to <date>', 'ngày nghỉ cuối cùng', calendarDate('--to'))
    .requiredOption('--name <name>', 'tên ngày nghỉ, ví dụ "Nghỉ Tết Nguyên đán"')
    .action(async (date: IsoDate, opts: { to?: IsoDate; name: string }, command: Command) => {
      const { addDaysOff } = await import('../../app/calendar.js');
      await withSession(command, { mayCreate: true, office: t('sửa lịch làm việc', 'change the working calendar') }, async (s) => {
        const days = await addDaysOff(s.ctx, date, opts.to ?? date, opts.name);
        if (s.json) return printJson({ off: days, name: opts.name });
        say(`Đã ghi ${days.length} ngày nghỉ: ${formatDate(days[0])}${days.length > 1 ? ` – ${formatDate(days.at(-1))}` : ''}.`);
      });
    });

  calendar
    .command('workday')
    .description('ghi một ngày là ngày làm việc (ví dụ thứ Bảy làm bù)')
    .argument('<date>', 'ngày làm việc', calendarDate('ngày'))
    .option('--name <name>', 'ghi chú, ví dụ "Làm bù cho ngày 02/5"')
    .action(async (date: IsoDate, opts: { name?: string }, command: Command) => {
      const { addWorkday } = await import('../../app/calendar.js');
      await withSession(command, { mayCreate: true, office: t('sửa lịch làm việc', 'change the working calendar') }, async (s) => {
        await addWorkday(s.ctx, date, opts.name ?? null);
        if (s.json) return printJson({ workday: date });
        say(`Đã ghi ${formatDate(date)} là ngày làm việc.`);
      });
    });

  calendar
    .command('list')
    .description('các ngày nghỉ trong năm (không kể thứ Bảy, Chủ nhật thông thường)')
    .argument('<year>', 'năm, ví dụ 2026', parseYear)
    .action(async (year: number, _opts: unknown, command: Command) => {
      const { daysOffIn } = await import('../../app/calendar.js');
      await withSession(command, { mayCreate: false, readOnly: true }, async (s) => {
        const days = await daysOffIn(s.ctx, year);
        if (s.json) return printJson(days);
        printData(days.map((d) => `${formatDate(d.date)}  ${d.name}\n`).join(''));
      });
    });

  calendar
    .command('add')
    .description('in ngày sau N ngày làm việc kể từ một ngày (không tính ngày đó)')
    .argument('<date>', 'ngày bắt đầu tính', calendarDate('ngày'))
    .argument('<n>', 'số ngày làm việc', parseCount('số ngày làm việc'))
    .action(async (date: IsoDate, count: number, _opts: unknown, command: Command) => {
      const { workingDaysAfter } = await import('../../app/calendar.js');
      await withSession(command, { mayCreate: false }, async (s) => {
        const result = await workingDaysAfter(s.ctx, date, count);
        if (s.json) return printJson({ from: date, workingDays: count, date: result });
        printData(`${formatDate(result)}\n`);
      });
    });
}
