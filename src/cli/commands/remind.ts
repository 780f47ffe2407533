/** `tasks remind [--dry-run] [--outbox DIR] [--unit U] [--before-meeting D] [--resend]` */
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { DeliveryError, t } from '../../domain/errors.js';
import { withSession } from '../context.js';
import { dateArg } from '../options.js';
import { printData, printJson } from '../output.js';
import { io } from '../io.js';

interface RemindOptions {
  dryRun?: boolean;
  outbox?: string;
  unit?: string;
  beforeMeeting?: string;
  resend?: boolean;
}

/** Whether the run that holds a delivery (host:pid) is still alive; a run on another machine is assumed to be. */
function stillRunning(claimant: string): boolean {
  const at = claimant.lastIndexOf(':');
  if (at < 0 || claimant.slice(0, at) !== os.hostname()) return true;
  const pid = Number(claimant.slice(at + 1));
  if (!Number.isSafeInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function registerRemind(program: Command): void {
  program
    .command('remind')
    .description('nhắc việc bằng thư điện tử công vụ: trước hạn, đúng hạn và khi quá hạn; không gửi trùng')
    .option('-n, --dry-run', 'in các thư sẽ gửi, không gửi và không ghi gì')
    .option('-o, --outbox <dir>', 'ghi thư (.eml) vào thư mục này thay vì gửi (mặc định khi chưa cấu hình máy chủ thư: thư mục outbox cạnh cơ sở dữ liệu)')
    .option('-u, --unit <unit>', 'chỉ nhắc đơn vị (hoặc nhóm) chủ trì này')
    .option('--before-meeting <date>', 'nhắc mọi nhiệm vụ quá hạn và sắp đến hạn trước buổi họp giao ban ngày này', dateArg('ngày họp giao ban'))
    .option('--resend', 'gửi lại thư "có thể đã gửi" (đã trao cho máy chủ thư nhưng không nhận được trả lời), với cùng Message-ID để máy chủ và người nhận bỏ bản trùng')
    .addHelpText(
      'after',
      `
Ví dụ:
  tasks remind --dry-run
  tasks remind
  tasks remind --outbox "D:\\NhacViec\\outbox"
  tasks remind --unit "Phòng Lãnh sự"
  tasks remind --before-meeting 30/11/2026
  TASKS_SMTP_URL="smtp://nhacviec:MAT-KHAU@mail.quanghoa.gov.vn:587" tasks remind

Cấu hình: tasks config set office.email …, mail.from, mail.senderName, mail.signature,
remind.offsetsBefore (7,3), remind.firstAfterDays (1), remind.repeatAfterDays (7),
remind.ccCoordinating (on), mail.smtpUrl (TASKS_SMTP_URL được ưu tiên).
Mã thoát 1 khi có thư không gửi được; lần chạy sau chỉ gửi lại phần đó.`,
    )
    .action(async (opts: RemindOptions, command: Command) => {
      const [{ remind }, { renderRemind }, { defaultDatabasePath }] = await Promise.all([
        import('../../app/remind.js'),
        import('../../report/remind-render.js'),
        import('../../db/location.js'),
      ]);
      const summary = await withSession(command, { mayCreate: false, office: opts.dryRun ? undefined : t('gửi nhắc việc', 'send reminders') }, async (s) => {
        const result = await remind(s.ctx, {
          dryRun: opts.dryRun === true,
          outbox: opts.outbox ? path.resolve(opts.outbox) : null,
          // Beside the SQLite file; with a shared PostgreSQL database, in this user's data folder.
          defaultOutbox: path.join(path.dirname(s.dialect === 'postgres' ? defaultDatabasePath(io().env) : path.resolve(s.location)), 'outbox'),
          unit: opts.unit ?? null,
          beforeMeeting: opts.beforeMeeting ?? null,
          smtpUrlFromEnv: io().env.TASKS_SMTP_URL ?? null,
          resend: opts.resend === true,
          claimant: `${os.hostname()}:${process.pid}`,
          stillRunning,
        });
        if (s.json) printJson(result);
        else printData(renderRemind(result, s.render));
        return result;
      });
      if (summary.inDoubt.length > 0) {
        // Exit 1, so cron tells the office: nobody knows whether these reached the unit.
        const tasks = [...new Set(summary.inDoubt.map((d) => d.taskId))].sort((a, b) => a - b);
        throw new DeliveryError(
          t(
            `${summary.inDoubt.length} thư nhắc việc có thể đã gửi (nhiệm vụ ${tasks.map((id) => `#${id}`).join(', ')}): đã trao cho máy chủ thư nhưng không nhận được trả lời; không gửi lại`,
            `${summary.inDoubt.length} reminder deliveries may have been sent (tasks ${tasks.map((id) => `#${id}`).join(', ')}): handed to the mail server with no reply; not sent again`,
          ),
          t('hỏi đơn vị đã nhận chưa; gửi lại bằng "tasks remind --resend" (cùng Message-ID, máy chủ bỏ bản trùng)', 'ask the unit whether it arrived; send again with "tasks remind --resend" (same Message-ID, so duplicates are dropped)'),
        );
      }
      if (summary.totals.failed > 0) {
        throw new DeliveryError(
          t(`${summary.totals.failed} nhiệm vụ chưa nhắc được (xem tóm tắt ở trên)`, `${summary.totals.failed} task reminders could not be delivered (see the summary above)`),
          t('kiểm tra máy chủ thư và địa chỉ người nhận; chạy lại "tasks remind" sẽ chỉ gửi phần chưa gửi được', 'check the mail server and the addresses; running "tasks remind" again sends only what failed'),
        );
      }
    });
}
