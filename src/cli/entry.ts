/**
 * The bundle's entry. bin/tasks.js calls start(): the real process's streams, environment,
 * signals and exit code around main(argv, io). The tests load the same bundle and call main()
 * with buffers instead (test/helpers/cli.ts).
 */
import { removePendingTemporaries, setNewFileMode, writeFileAtomic } from '../io/atomic-file.js';
import { setCodeCachePolicy } from '../db/code-cache.js';
import { currentIo } from './io.js';
import { main } from './main.js';

export function start(): void {
  // `tasks list | head` closes the pipe early: that is the reader's choice, not an error. Any other
  // failure of stdout (a full disk behind `> file`, `> /dev/full`) is one line, not a stack.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    removePendingTemporaries();
    const why = error.code === 'ENOSPC' ? 'đĩa đầy' : (error.code ?? error.message);
    process.stderr.write(`lỗi: không ghi được ra đầu ra chuẩn (${why}) (kiểm tra chỗ trống hoặc nơi chuyển hướng)\n`);
    process.exit(1);
  });

  translateWarnings();

  // A finished file gets what the user's umask gives a new file (process.umask() only reads it here).
  setNewFileMode(0o666 & ~process.umask());

  // Ctrl+C or a kill while a file is being written leaves no temporary file behind.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removePendingTemporaries();
      // The handler is gone (once): the signal again ends the process as it would have (130 for Ctrl+C).
      process.kill(process.pid, signal);
    });
  }
  process.once('exit', removePendingTemporaries);

  // dist/pg.cjs's code cache, when stale, is rewritten as the process ends (see db/code-cache.ts).
  setCodeCachePolicy({ refresh: process.env.TASKS_CODE_CACHE === 'write', atExit: (work) => process.once('exit', work) });

  void main(process.argv, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, now: () => new Date() }).then((code) => {
    process.exitCode = code;
  });
}

let translating = false;

/**
 * pg's multi-line SECURITY WARNING about sslmode becomes one line of ours, once per command, on
 * that command's stderr; other warnings as Node prints them. For every process that runs commands
 * (start(), and the tests' runner of many commands in one process).
 */
export function translateWarnings(): void {
  if (translating) return;
  translating = true;
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  const said = new WeakSet<object>();
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SECURITY WARNING: .*SSL modes|sslmode=verify-ca requires/.test(text)) {
      const command = currentIo() ?? { stderr: process.stderr };
      if (!said.has(command)) command.stderr.write('cảnh báo: thư viện pg hiểu sslmode=prefer, require và verify-ca như verify-full: chứng chỉ máy chủ PostgreSQL phải hợp lệ (thêm sslrootcert=… nếu dùng CA riêng)\n');
      said.add(command);
      return;
    }
    emitWarning(warning, ...rest);
  }) as typeof process.emitWarning;
}

/** For bin/tasks.js, which writes the bundle's code cache at exit the same way every file is written. */
export { main, removePendingTemporaries, setNewFileMode, writeFileAtomic };
/**
 * For a process that runs many commands (the tests' in-process runner): exceljs's reader must be
 * patched before exceljs is first loaded, and a command that writes an XLSX loads it unpatched.
 */
export { patchExcelSax } from '../sheet/exceljs-utf8.js';
