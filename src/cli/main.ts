/**
 * The one place where an error becomes an exit code: 0 done, 1 refused input or state, 2 bad
 * usage, 130 Ctrl+C, 70 anything unexpected (the stack only with TASKS_DEBUG=1).
 */
import { CommanderError } from 'commander';
import { TasksError, t, type ErrorKind, type Text } from '../domain/errors.js';
import { safe } from '../report/safe-text.js';
import { setPausePoint } from '../db/pause-point.js';
import { setIo, type IO } from './io.js';
import { buildProgram } from './program.js';

type Lang = 'vi' | 'en';

/** The exit code of each kind of error the domain names. */
const EXIT_CODE: Record<ErrorKind, number> = { refused: 1, usage: 2, cancelled: 130 };

function langFrom(argv: string[], env: IO['env']): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? env.TASKS_LANG : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'vi';
}

/** commander's own messages, in the user's language, with the detail it gives. */
function usageText(error: CommanderError): Text {
  const detail = error.message.replace(/^error: /, '');
  const quoted = /'([^']*)'/.exec(detail)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return t(`không có tùy chọn ${quoted}`, detail);
    case 'commander.unknownCommand':
      return t(`không có lệnh "${quoted}"`, detail);
    case 'commander.missingArgument':
      return t(`thiếu tham số ${quoted}`, detail);
    case 'commander.missingMandatoryOptionValue':
      return t(`thiếu tùy chọn bắt buộc ${quoted}`, detail);
    case 'commander.optionMissingArgument':
      return t(`tùy chọn ${quoted} cần một giá trị`, detail);
    case 'commander.excessArguments':
      return t('thừa tham số (nội dung có dấu cách cần đặt trong dấu ngoặc kép)', detail);
    case 'commander.invalidArgument':
      return t(`giá trị không hợp lệ: ${detail}`, detail);
    default:
      return t(detail, detail);
  }
}

/**
 * One line, whatever the message quotes: a value the user typed or a parser's message may hold
 * line breaks or terminal escape sequences, which must neither split the line nor act on the terminal.
 */
function report(io: IO, text: Text, hint: Text | undefined, lang: Lang): void {
  const label = lang === 'en' ? 'error' : 'lỗi';
  const line = safe(`${label}: ${text[lang]}${hint ? ` (${hint[lang]})` : ''}`).replace(/\s*[\r\n\t]+\s*/g, ' ');
  io.stderr.write(`${line}\n`);
}

/**
 * Runs one command: `argv` as process.argv gives it (node, script, arguments…), the world in `io`.
 * Returns the exit code; never exits, so the tests run it in-process as bin/tasks.js runs it.
 */
export async function main(argv: string[], io: IO): Promise<number> {
  setIo(io);
  const pauseAt = io.env.TASKS_TEST_PAUSE_AT;
  setPausePoint(pauseAt ? { name: pauseAt, say: (line) => io.stderr.write(line) } : null);
  try {
    return await run(argv, io);
  } finally {
    setPausePoint(null);
    setIo(null);
  }
}

async function run(argv: string[], io: IO): Promise<number> {
  const lang = langFrom(argv, io.env);
  try {
    await buildProgram(io, argv).parseAsync(argv);
    return 0;
  } catch (error) {
    if (io.env.TASKS_DEBUG === '1') io.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      const hint = t('xem "tasks --help" hoặc "tasks <lệnh> --help"', 'see "tasks --help" or "tasks <command> --help"');
      report(io, usageText(error), hint, lang);
      return error.code === 'commander.invalidArgument' ? 1 : 2;
    }
    if (error instanceof TasksError) {
      report(io, error.text, error.hint, lang);
      return EXIT_CODE[error.kind];
    }
    report(
      io,
      t(`lỗi nội bộ: ${(error as Error)?.message ?? String(error)}`, `internal error: ${(error as Error)?.message ?? String(error)}`),
      t('chạy lại với TASKS_DEBUG=1 để xem chi tiết', 'run again with TASKS_DEBUG=1 for details'),
      lang,
    );
    return 70;
  }
}

