/** `tasks history ID` and `tasks log`: who did what and when. The trail can be read, never edited. */
import type { Command } from 'commander';
import type { IsoDate } from '../../domain/dates.js';
import { DatabaseError, t } from '../../domain/errors.js';
import { withSession } from '../context.js';
import { dateArg, parseId } from '../options.js';
import { printData, printJson, say } from '../output.js';

export function registerAudit(program: Command): void {
  program
    .command('history')
    .description('nhật ký thay đổi của một nhiệm vụ: ai làm gì, lúc nào')
    .argument('<id>', 'số nhiệm vụ')
    .addHelpText('after', '\nVí dụ:\n  tasks history 12\n  tasks history 12 --json')
    .action(async (idText: string, _opts, command: Command) => {
      const id = parseId(idText);
      const [{ taskHistory }, { auditJson, renderAudit }] = await Promise.all([import('../../app/audit-log.js'), import('../../report/audit-render.js')]);
      await withSession(command, { mayCreate: false, readOnly: true }, async (s) => {
        const entries = await taskHistory(s.ctx, id);
        if (s.json) return printJson(auditJson(entries));
        printData(renderAudit(entries, s.render.lang, s.render.tty));
      });
    });

  program
    .command('log')
    .description('nhật ký mọi thay đổi (chỉ đọc): ai làm gì, lúc nào')
    .option('--since <date>', 'từ ngày này (theo giờ Việt Nam)', dateArg('--since'))
    .option('-u, --unit <unit>', 'chỉ các thay đổi về đơn vị (hoặc nhóm) này và nhiệm vụ do đơn vị chủ trì')
    .addHelpText('after', '\nVí dụ:\n  tasks log --since 01/11/2026\n  tasks log --unit "Phòng Lãnh sự" --json')
    .action(async (opts: { since?: IsoDate; unit?: string }, command: Command) => {
      const [{ auditLog }, { auditJson, renderAudit }] = await Promise.all([import('../../app/audit-log.js'), import('../../report/audit-render.js')]);
      await withSession(command, { mayCreate: false, readOnly: true }, async (s) => {
        const entries = await auditLog(s.ctx, { since: opts.since ?? null, unit: opts.unit ?? null });
        if (s.json) return printJson(auditJson(entries));
        printData(renderAudit(entries, s.render.lang, s.render.tty));
      });
    });

  program
    .command('audit')
    .description('kiểm tra nhật ký thay đổi')
    .command('verify')
    .description('kiểm tra chuỗi băm của nhật ký: mỗi mục mang mã băm của mục trước; báo mục đầu tiên bị sửa, xóa hoặc chèn')
    .addHelpText('after', '\nVí dụ:\n  tasks audit verify\n  tasks audit verify --json')
    .action(async (_opts, command: Command) => {
      const { verifyAudit } = await import('../../app/audit-log.js');
      await withSession(command, { mayCreate: false, readOnly: true }, async (s) => {
        const check = await verifyAudit(s.ctx);
        if (s.json) printJson(check);
        const en = s.render.lang === 'en';
        if (check.broken) {
          const { id, action, at } = check.broken;
          throw new DatabaseError(
            t(`nhật ký bị sửa, xóa hoặc chèn tại mục #${id} (${action}, ${at}): chuỗi băm đứt từ đây; ${check.entries} mục trước đó nguyên vẹn`, `the audit trail was changed, cut or added to at entry #${id} (${action}, ${at}): the hash chain breaks there; the ${check.entries} entries before it are intact`),
            t('so với bản sao lưu gần nhất ("tasks backup") để biết đã đổi gì', 'compare with the latest backup ("tasks backup") to see what changed'),
          );
        }
        if (!s.json) say(en ? `Audit trail intact: ${check.entries} entries; chain head ${check.head.slice(0, 16) || '—'}.` : `Nhật ký nguyên vẹn: ${check.entries} mục; đầu chuỗi ${check.head.slice(0, 16) || '—'}.`);
      });
    });
}
