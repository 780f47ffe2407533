/** `tasks info` and `tasks init`. */
import type { Command } from 'commander';
import { withSession } from '../context.js';
import { printData, printJson, say } from '../output.js';

export function registerInfo(program: Command): void {
  program
    .command('info')
    .description('đường dẫn cơ sở dữ liệu, phiên bản lược đồ và số liệu')
    .addHelpText('after', '\nVí dụ:\n  tasks info\n  tasks --db ~/so-ngoai-vu.db info --json')
    .action(async (_opts, command: Command) => {
      const { getInfo } = await import('../../app/info.js');
      await withSession(command, { mayCreate: false, readOnly: true }, async (s) => {
        const info = await getInfo(s.ctx, s.location);
        if (s.json) return printJson(info);
        const en = s.render.lang === 'en';
        const rows: [string, string | number | null][] = en
          ? [['Database', info.database], ['Schema', info.schemaVersion], ['As of', info.today], ['Acting as', info.actor], ['Units', `${info.activeUnits} active of ${info.units}`], ['Groups', info.groups], ['Sources', info.sources], ['Tasks', info.tasks]]
          : [['Cơ sở dữ liệu', info.database], ['Lược đồ', info.schemaVersion], ['Tính đến ngày', info.today], ['Người thao tác', info.actor], ['Đơn vị', `${info.activeUnits} đang hoạt động / ${info.units}`], ['Nhóm', info.groups], ['Văn bản', info.sources], ['Nhiệm vụ', info.tasks]];
        printData(rows.map(([k, v]) => `${k.padEnd(16)} ${v ?? ''}`).join('\n') + '\n');
      });
    });

  program
    .command('init')
    .description('tạo cơ sở dữ liệu mới (hoặc cập nhật lược đồ) tại --db')
    .addHelpText('after', '\nVí dụ:\n  tasks --db ./so-ngoai-vu.db init')
    .action(async (_opts, command: Command) => {
      await withSession(command, { mayCreate: true }, async (s) => {
        if (s.json) return printJson({ database: s.location });
        say(s.render.lang === 'en' ? `Database ready: ${s.location}` : `Cơ sở dữ liệu sẵn sàng: ${s.location}`);
      });
    });
}
