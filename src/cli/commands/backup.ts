/** `tasks backup FILE` and `tasks restore FILE [--yes]`. */
import type { Command } from 'commander';
import { isPostgresUrl } from '../../db/dialect.js';
import { formatDate } from '../../domain/dates.js';
import { AccessError, ValidationError, t } from '../../domain/errors.js';
import { actorName, globalsOf, langOf, withSession } from '../context.js';
import { busyTimeoutOf } from '../database-options.js';
import { printJson, say } from '../output.js';
import { canPrompt } from '../tty.js';
import { io } from '../io.js';

/** The SQLite file named by --db or TASKS_DB, else the per-user default; not opened. */
async function databaseLocation(command: Command): Promise<string> {
  const named = globalsOf(command).db ?? io().env.TASKS_DB;
  if (named && isPostgresUrl(named)) {
    // The URL (and its password) is not repeated back.
    throw new ValidationError(
      t('tasks backup và tasks restore dùng cho tệp SQLite; cơ sở dữ liệu PostgreSQL được sao lưu bằng pg_dump', 'tasks backup and tasks restore work on SQLite files; back up a PostgreSQL database with pg_dump'),
      t('hoặc chép toàn bộ sang một tệp: tasks db copy --from "$TASKS_DB" --to sao-luu.db', 'or copy it whole to a file: tasks db copy --from "$TASKS_DB" --to backup.db'),
    );
  }
  return named || (await import('../../db/location.js')).defaultDatabasePath(io().env);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function schemaDay(schema: string | null): string {
  return schema ? formatDate(schema.slice(0, 10)) : '—';
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('sao lưu cơ sở dữ liệu ra một tệp (an toàn cả khi người khác đang dùng)')
    .argument('<file>', 'tệp sao lưu; một bản sao lưu cũ cùng tên được thay, tệp khác không bao giờ bị ghi đè')
    .option('--force', 'thay cả một cơ sở dữ liệu tasks khác (không phải bản sao lưu cũ của cơ sở dữ liệu này)')
    .addHelpText('after', '\nVí dụ:\n  tasks backup sao-luu/tasks-2026-11-20.db\n  tasks --db /srv/tasks/tasks.db backup /mnt/sao-luu/tasks-hang-ngay.db')
    .action(async (file: string, opts: { force?: boolean }, command: Command) => {
      const { backupDatabase } = await import('../../app/backup.js');
      const location = await databaseLocation(command);
      // A backup holds everything: once people are registered, only the office takes one.
      await withSession(command, { mayCreate: false, readOnly: true, office: t('sao lưu cơ sở dữ liệu', 'back up the database') }, async () => {});
      const result = await backupDatabase(location, file, { force: opts.force === true, busyTimeoutMs: busyTimeoutOf() });
      if (globalsOf(command).json) return printJson(result);
      const en = langOf(globalsOf(command)) === 'en';
      say(
        en
          ? `Backed up to ${result.file}: ${result.summary.tasks} tasks, ${result.summary.units} units, ${megabytes(result.bytes)}; integrity checked.`
          : `Đã sao lưu vào ${result.file}: ${result.summary.tasks} nhiệm vụ, ${result.summary.units} đơn vị, ${megabytes(result.bytes)}; đã kiểm tra toàn vẹn.`,
      );
    });

  program
    .command('restore')
    .description('khôi phục cơ sở dữ liệu từ bản sao lưu (kiểm tra trước; bản đang dùng được giữ lại bên cạnh)')
    .argument('<file>', 'bản sao lưu do "tasks backup" tạo ra')
    .option('-y, --yes', 'không hỏi xác nhận')
    .addHelpText('after', '\nVí dụ:\n  tasks restore sao-luu/tasks-2026-11-20.db\n  tasks --db /srv/tasks/tasks.db restore /mnt/sao-luu/tasks-hang-ngay.db --yes')
    .action(async (file: string, opts: { yes?: boolean }, command: Command) => {
      const app = await import('../../app/backup.js');
      const location = await databaseLocation(command);
      const en = langOf(globalsOf(command)) === 'en';
      const plan = app.planRestore(file, location, { busyTimeoutMs: busyTimeoutOf() });
      // Once people are registered, only the office may put a copy back: checked against the
      // database in use, before anything is asked or replaced.
      const restoring = t('khôi phục cơ sở dữ liệu', 'restore the database');
      if (plan.current) await withSession(command, { mayCreate: false, office: restoring }, async () => {});
      if (!opts.yes && canPrompt()) {
        const { askConfirm } = await import('../prompts.js');
        const now = plan.current ? (en ? ` (${plan.current.tasks} tasks)` : ` (${plan.current.tasks} nhiệm vụ)`) : '';
        const question = en
          ? `Replace ${location}${now} with ${file} (${plan.candidate.tasks} tasks, schema of ${schemaDay(plan.candidate.schema)})?`
          : `Thay cơ sở dữ liệu ${location}${now} bằng bản sao lưu ${file} (${plan.candidate.tasks} nhiệm vụ, lược đồ ngày ${schemaDay(plan.candidate.schema)})?`;
        if (!(await askConfirm(question))) {
          say(en ? 'Not restored; the database is unchanged.' : 'Không khôi phục; cơ sở dữ liệu giữ nguyên.');
          return;
        }
      }
      const { aside } = await app.restoreFromPlan(plan, { busyTimeoutMs: busyTimeoutOf() });
      try {
        await withSession(command, { mayCreate: true }, (s) => app.recordRestore(s.ctx, plan, aside));
      } catch (error) {
        // The copy may predate this login's registration: the restore stands, unrecorded.
        if (!(error instanceof AccessError)) throw error;
        const login = actorName();
        say(en ? `The restored copy has no user "${login}"; the restore is not in its audit log.` : `Bản khôi phục chưa có người dùng "${login}"; việc khôi phục không được ghi vào nhật ký của nó.`);
      }
      if (globalsOf(command).json) return printJson({ database: location, restoredFrom: file, aside, tasks: plan.candidate.tasks });
      say(
        en
          ? `Restored ${location} from ${file} (${plan.candidate.tasks} tasks).${aside ? ` The replaced database is kept at ${aside}.` : ''}`
          : `Đã khôi phục ${location} từ ${file} (${plan.candidate.tasks} nhiệm vụ).${aside ? ` Bản bị thay được giữ tại ${aside}.` : ''}`,
      );
    });
}
