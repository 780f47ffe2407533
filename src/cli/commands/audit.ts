/** `tasks history ID` and `tasks log`: who did what and when. The trail can be read, never edited. */
import type { Command } from 'commander';
import type { IsoDate } from '../../domain/dates.js';
import { withSession } from '../context.js';
import { dateArg, parseId } from '../options.js';
import { printData, printJson } from '../output.js';

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
}
