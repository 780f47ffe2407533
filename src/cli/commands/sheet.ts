/** `tasks import-sheet FILE` and `tasks export --format csv|xlsx|json|ics`: trackers in and out. */
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError, ValidationError, t } from '../../domain/errors.js';
import type { Bucket } from '../../domain/status.js';
import { withSession } from '../context.js';
import { parseBuckets } from '../options.js';
import { printJson, say } from '../output.js';
import { io } from '../io.js';

interface ImportSheetOptions {
  sheet?: string;
  map?: string;
  dryRun?: boolean;
  skipBad?: boolean;
  again?: boolean;
}

interface ExportOptions {
  format?: string;
  unit?: string;
  bucket?: Bucket[];
  out?: string;
}

const FORMATS = ['csv', 'xlsx', 'json', 'ics'] as const;
type ExportFormat = (typeof FORMATS)[number];

function exportFormat(opts: ExportOptions, json: boolean): ExportFormat {
  const given = opts.format ?? (opts.out ? path.extname(opts.out).slice(1).toLowerCase() : json ? 'json' : undefined);
  if (given === undefined) {
    throw new UsageError(t('thiếu --format: csv, xlsx, json hoặc ics', 'missing --format: csv, xlsx, json or ics'), t('ví dụ: tasks export --format xlsx --out nhiem-vu.xlsx', 'e.g. tasks export --format xlsx --out tasks.xlsx'));
  }
  const format = given === 'ical' ? 'ics' : given;
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new ValidationError(t(`định dạng không hỗ trợ: "${given}"`, `unsupported format: "${given}"`), t('--format nhận csv, xlsx, json hoặc ics', '--format takes csv, xlsx, json or ics'));
  }
  return format as ExportFormat;
}

export function registerSheet(program: Command): void {
  program
    .command('import-sheet')
    .description('nhập bảng theo dõi nhiệm vụ có sẵn (.xlsx, .csv): từ Ikepler, Excel, hoặc tệp do "tasks export" tạo')
    .argument('<file>', 'tệp .xlsx hoặc .csv (tối đa 200 MB)')
    .option('--sheet <name>', 'tên trang tính cần đọc (mặc định: trang đầu tiên)')
    .option('--map <columns>', 'tên cột → trường, ví dụ "Nội dung=text,Phòng chủ trì=lead,Hạn=due" (trường: text, lead, coordinating, due, originalDue, assignedOn, source, sourceDate, completedOn, evidence, status, progress, cancelledOn, cancelReason, note, ignore…)')
    .option('-n, --dry-run', 'chỉ kiểm tra và xem trước, không ghi gì')
    .option('--skip-bad', 'nhập các dòng hợp lệ, bỏ qua các dòng lỗi (mặc định: có dòng lỗi thì không nhập gì)')
    .option('--again', 'nhập cả tệp đã nhập trước đây (mặc định: từ chối, để không tạo nhiệm vụ trùng)')
    .addHelpText(
      'after',
      `
Các cột được nhận theo tên quen dùng, không phân biệt hoa thường và dấu: STT, Nội dung nhiệm vụ,
Đơn vị chủ trì, Đơn vị phối hợp, Số văn bản / Số hiệu, Ngày văn bản, Ngày giao, Thời hạn / Hạn xử lý,
Ngày hoàn thành, Văn bản báo cáo kết quả, Tình trạng, Tiến độ, Ghi chú… Ngày: ô ngày của Excel,
số ngày kiểu Excel, DD/MM/YYYY hoặc YYYY-MM-DD; "Thường xuyên" là nhiệm vụ không có hạn.

Ví dụ:
  tasks import-sheet theo-doi-nhiem-vu-2025.xlsx --dry-run
  tasks import-sheet ikepler.xlsx --sheet "Nhiệm vụ" --map "Nội dung=text,Phòng chủ trì=lead,Hạn=due"
  tasks import-sheet nhiem-vu.csv --skip-bad --json`,
    )
    .action(async (file: string, opts: ImportSheetOptions, command: Command) => {
      const [{ importSheet }, { parseColumnMap }, render] = await Promise.all([
        import('../../app/import-sheet.js'),
        import('../../domain/sheet-columns.js'),
        import('../../report/sheet-import-render.js'),
      ]);
      const map = opts.map === undefined ? null : parseColumnMap(opts.map);
      await withSession(command, { mayCreate: !opts.dryRun }, async (s) => {
        const report = await importSheet(s.ctx, { file, sheet: opts.sheet, map, dryRun: opts.dryRun === true, skipBad: opts.skipBad === true, again: opts.again === true, progressTo: io().stderr });
        const lang = s.render.lang;
        io().stderr.write(render.renderSheetProblems(report, lang));
        if (s.json) printJson(render.sheetReportJson(report, lang));
        else io().stderr.write(render.renderSheetSummary(report, lang));
        if (!report.imported && !report.dryRun && report.bad.length > 0) {
          throw new ValidationError(
            t(`${report.bad.length} dòng không nhập được; chưa ghi gì vào cơ sở dữ liệu`, `${report.bad.length} rows cannot be imported; nothing was written`),
            t('sửa các dòng trên trong bảng tính, hoặc thêm --skip-bad để nhập các dòng hợp lệ', 'fix the rows above, or add --skip-bad to import the good ones'),
          );
        }
      });
    });

  program
    .command('export')
    .description('xuất nhiệm vụ ra bảng tính (csv, xlsx), JSON, hoặc lịch (ics) cho Outlook, Google Calendar, Thunderbird')
    .option('-f, --format <format>', 'csv, xlsx, json hoặc ics (mặc định: theo đuôi tệp --out)')
    .option('-u, --unit <unit>', 'chỉ nhiệm vụ do đơn vị (hoặc nhóm) này chủ trì')
    .option('-b, --bucket <bucket>', 'chỉ các tình trạng này: done_on_time, done_late, open_in_term, open_overdue, ongoing, cancelled, undated', parseBuckets)
    .option('-o, --out <file>', 'ghi ra tệp thay vì stdout')
    .addHelpText(
      'after',
      `
Tệp csv/xlsx nhập lại được bằng "tasks import-sheet". Lịch ics có một sự kiện cả ngày cho mỗi
nhiệm vụ chưa hoàn thành vào hạn xử lý, nhắc trước 3 ngày.

Ví dụ:
  tasks export --format xlsx --out nhiem-vu-2026.xlsx
  tasks export --format csv --unit "Phòng Lãnh sự" --bucket open_overdue --out qua-han-ls.csv
  tasks export --format ics --unit VP --out han-xu-ly-vp.ics
  tasks export --format json > nhiem-vu.json`,
    )
    .action(async (opts: ExportOptions, command: Command) => {
      const [{ exportTasks }, { openOutput }] = await Promise.all([import('../../app/export-tasks.js'), import('../stream-output.js')]);
      await withSession(command, { mayCreate: false, readOnly: 'shown' }, async (s) => {
        const format = exportFormat(opts, s.json);
        const data = await exportTasks(s.ctx, { unit: opts.unit ?? null, buckets: opts.bucket ?? null });
        const output = openOutput(opts.out, format === 'xlsx');
        let count = 0;
        try {
          if (format === 'xlsx') {
            const { writeExportXlsx } = await import('../../report/export/xlsx.js');
            count = await writeExportXlsx(data.pages, output.stream, s.ctx.today);
          } else if (format === 'csv') {
            const { csvHead, csvRows } = await import('../../report/export/csv.js');
            await output.write(csvHead());
            for await (const page of data.pages) {
              await output.write(csvRows(page));
              count += page.length;
            }
          } else if (format === 'json') {
            const { jsonItems } = await import('../../report/export/json.js');
            for await (const page of data.pages) {
              await output.write(`${count === 0 ? '[\n' : ''}${jsonItems(page, count === 0)}`);
              count += page.length;
            }
            await output.write(count === 0 ? '[]\n' : '\n]\n');
          } else {
            const ics = await import('../../report/export/ics.js');
            const options = { databaseId: data.databaseId, now: s.ctx.now(), calendarName: `Hạn xử lý nhiệm vụ${opts.unit ? ` – ${opts.unit}` : ''}` };
            await output.write(ics.icsHead(options));
            for await (const page of data.pages) {
              await output.write(ics.icsEvents(page, options));
              count += ics.calendarTasks(page).length;
            }
            await output.write(ics.icsTail());
          }
        } catch (error) {
          output.abort();
          throw error;
        }
        const written = await output.finish();
        if (written) say(s.render.lang === 'en' ? `Written: ${written} (${count} tasks)` : `Đã ghi tệp: ${written} (${count} nhiệm vụ)`);
      });
    });
}
