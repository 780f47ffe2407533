/** Builds the commander program: global options and every command. No side effects. */
import { Command } from 'commander';
import type { IO } from './io.js';
import { registerAdd } from './commands/add.js';
import { registerAudit } from './commands/audit.js';
import { registerBackup } from './commands/backup.js';
import { registerCalendar } from './commands/calendar.js';
import { registerChanges } from './commands/change.js';
import { registerImport } from './commands/import.js';
import { registerConfig } from './commands/config.js';
import { registerDigest } from './commands/digest.js';
import { registerInfo } from './commands/info.js';
import { registerRemind } from './commands/remind.js';
import { registerServe } from './commands/serve.js';
import { registerSheet } from './commands/sheet.js';
import { registerUnit } from './commands/unit.js';
import { registerUser } from './commands/user.js';
import { registerDb } from './commands/db.js';
import { registerViews } from './commands/views.js';

/** From package.json, written in by the build (scripts/build.mjs). */
declare const __TASKS_VERSION__: string;
export const VERSION = __TASKS_VERSION__;

/**
 * Each command file's register function and the top-level commands it adds, in the order `tasks
 * --help` lists them (test/cli/program-groups.test.ts holds the names to what each one adds).
 */
export const COMMAND_GROUPS: readonly (readonly [names: readonly string[], register: (program: Command) => void])[] = [
  [['unit'], registerUnit],
  [['add'], registerAdd],
  [['due', 'overdue', 'list', 'show'], registerViews],
  [['progress', 'done', 'extend', 'cancel', 'reopen', 'edit'], registerChanges],
  [['info', 'init'], registerInfo],
  [['import'], registerImport],
  [['calendar'], registerCalendar],
  [['config'], registerConfig],
  [['digest', 'stats'], registerDigest],
  [['remind'], registerRemind],
  [['history', 'log', 'audit'], registerAudit],
  [['backup', 'restore'], registerBackup],
  [['import-sheet', 'export'], registerSheet],
  [['user'], registerUser],
  [['db'], registerDb],
  [['serve'], registerServe],
];

/** The global options that take a value (`--db FILE`): the word after them is not a command. */
const GLOBAL_VALUE_OPTIONS = new Set(['--db', '--today', '--lang']);

/** The command word of `argv` (as process.argv gives it), if there is one before any `--`. */
export function invokedCommand(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') return undefined;
    if (GLOBAL_VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * The program for `argv`: only the commands of the invoked command's file when it names one
 * (building all sixty commands and their options is 3 % of `tasks due`'s instructions), and
 * every command for help, `tasks help …`, no command, or an unknown one (whose error suggests the
 * nearest name).
 */
export function buildProgram(io: IO, argv: readonly string[] = []): Command {
  const program = new Command('tasks')
    .description('Theo dõi nhiệm vụ Giám đốc Sở giao, đến từng thời hạn (directive tracking for a Sở)')
    .version(VERSION, '-V, --version', 'in số phiên bản')
    .helpOption('-h, --help', 'xem hướng dẫn')
    .addHelpCommand('help [command]', 'xem hướng dẫn của một lệnh')
    .option('--db <path>', 'tệp SQLite, hoặc địa chỉ PostgreSQL postgres://… (mặc định: TASKS_DB, hoặc thư mục dữ liệu của người dùng)')
    .option('--today <date>', 'tính "đến ngày" này thay cho hôm nay (mặc định: TASKS_TODAY, hoặc hôm nay theo giờ Việt Nam)')
    .option('--json', 'in JSON ra stdout')
    .option('--lang <lang>', 'ngôn ngữ hiển thị: vi (mặc định) hoặc en')
    .showSuggestionAfterError(true)
    .configureHelp(HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: () => {},
      // As commander's defaults: a width only on a terminal, and no colours (the help has none).
      getOutHelpWidth: () => (io.stdout.isTTY ? io.stdout.columns : undefined) as number,
      getErrHelpWidth: () => (io.stderr.isTTY ? io.stderr.columns : undefined) as number,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .addHelpText(
      'after',
      `
Ví dụ:
  tasks unit import data/units-sample.json
  tasks add "Rà soát Kế hoạch CCHC" --unit "van phong" --due 30/09/2026 --source 84/TB-SNgV
  tasks due
  tasks done 12 --evidence "123/BC-VP"
  tasks remind --dry-run
  tasks --db postgres://tasks_sngv@csdl.so.local/tasks_sngv due
  tasks user add "Trần Văn Bình" --login binh.htqt --role head --unit HTQT

Biến môi trường: TASKS_DB (tệp SQLite hoặc postgres://…), TASKS_TODAY, TASKS_USER (người thao tác),
TASKS_SMTP_URL, NO_COLOR, TASKS_DEBUG=1.`,
    );
  const invoked = invokedCommand(argv);
  const group = COMMAND_GROUPS.find(([names]) => invoked !== undefined && names.includes(invoked));
  for (const [, register] of group ? [group] : COMMAND_GROUPS) register(program);
  for (const command of program.commands) inherit(command);
  return program;
}

const TITLES: Record<string, string> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Global Options:': 'Tùy chọn chung:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
};

/** Help in Vietnamese, with the global options shown under every command. */
const HELP = {
  showGlobalOptions: true,
  styleTitle: (title: string) => TITLES[title] ?? title,
};

/** Subcommands report errors the same way as the program, so main.ts sees every one. */
function inherit(command: Command): void {
  command.exitOverride().configureOutput({ outputError: () => {} }).showSuggestionAfterError(true).configureHelp(HELP);
  command.helpOption('-h, --help', 'xem hướng dẫn');
  for (const sub of command.commands) inherit(sub);
}
