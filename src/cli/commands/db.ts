/** `tasks db copy`: move a whole tracker between SQLite and PostgreSQL. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { databaseOptions, tellBackup } from '../database-options.js';
import { UsageError, t } from '../../domain/errors.js';
import { printData, printJson, say } from '../output.js';
import { actorName, renderOptions, globalsOf } from '../context.js';

export function registerDb(program: Command): void {
  const db = program.command('db').description('cơ sở dữ liệu: chép toàn bộ giữa SQLite và PostgreSQL');

  db.command('copy')
    .description('chép toàn bộ dữ liệu sang một cơ sở dữ liệu trống, giữ nguyên số nhiệm vụ, trong một giao dịch')
    .requiredOption('--from <file-or-url>', 'nguồn: tệp SQLite hoặc postgres://…')
    .requiredOption('--to <file-or-url>', 'đích (trống): tệp SQLite hoặc postgres://…')
    .addHelpText(
      'after',
      `
Đích phải trống (tệp mới, hoặc cơ sở dữ liệu PostgreSQL mới tạo); lược đồ được tạo tự động. Sau
khi chép, số dòng của từng bảng được đếm ở cả hai bên; nếu lệch, đích được giữ nguyên như cũ.

Ví dụ:
  tasks db copy --from ~/.local/share/tasks/tasks.db --to postgres://tasks@csdl.so.local/tasks_sngv
  tasks db copy --from postgres://tasks@csdl.so.local/tasks_sngv --to sao-luu-2026-11-30.db`,
    )
    .action(async (opts: { from: string; to: string }, command: Command) => {
      const [{ openDatabase }, { isPostgresUrl }, { copyDatabase }, { renderCopy }] = await Promise.all([
        import('../../db/connect.js'),
        import('../../db/dialect.js'),
        import('../../app/copy-database.js'),
        import('../../report/copy-render.js'),
      ]);
      // The file itself, through any symlink: a link to the source is the source (refused at once, not after the busy timeout).
      const same = (a: string) => {
        if (isPostgresUrl(a)) return a;
        try {
          return fs.realpathSync(a);
        } catch {
          return path.resolve(a);
        }
      };
      if (same(opts.from) === same(opts.to)) throw new UsageError(t('--from và --to là cùng một cơ sở dữ liệu', '--from and --to are the same database'));
      const options = globalsOf(command);
      const render = renderOptions(options);
      const from = await openDatabase(opts.from, { create: false, ...databaseOptions() });
      tellBackup(from, render.lang);
      try {
        // A copy holds everything: once people are registered, only the office makes one.
        const { checkCopier, recordCopy } = await import('../../app/copy-database.js');
        await checkCopier(from.db, actorName());
        const to = await openDatabase(opts.to, { create: true, ...databaseOptions() });
        tellBackup(to, render.lang);
        try {
          const counts = await copyDatabase(from.db, to.db);
          await recordCopy(from.db, actorName(), to.location, counts);
          if (options.json) return printJson({ from: from.location, to: to.location, tables: counts });
          printData(renderCopy(counts, render));
          const tasks = counts.find((c) => c.table === 'task')?.target ?? 0;
          say(render.lang === 'en' ? `Copied ${from.location} → ${to.location}: ${tasks} tasks, counts match on both sides.` : `Đã chép ${from.location} → ${to.location}: ${tasks} nhiệm vụ, số dòng hai bên khớp nhau.`);
        } finally {
          await to.close();
        }
      } finally {
        await from.close();
      }
    });
}
