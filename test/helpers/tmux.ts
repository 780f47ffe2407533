/**
 * A real terminal for the CLI, through tmux: start a command in a detached session, read the
 * screen, type, and wait for the exit code the command leaves in a file. Tests skip, visibly,
 * where tmux is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, type Workspace } from './cli.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export interface Terminal {
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  type(text: string): void;
  press(...keys: string[]): void;
  exitCode(): Promise<number>;
  close(): void;
}

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

/** `tasks ARGS` on a 200×30 terminal in the workspace, with its database and as-of day. */
export function openTerminal(name: string, w: Workspace, today: string, args: string): Terminal {
  const session = `tasks-${name}-${process.pid}`;
  const exitFile = path.join(w.dir, `exit-code-${name}`);
  const command = `cd ${w.dir} && env -u CI TASKS_DB=${w.db} TASKS_TODAY=${today} NO_COLOR=1 ${process.execPath} ${BIN} ${args}; echo $? > ${exitFile}; sleep 60`;
  tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '30', command);
  return {
    async waitFor(pattern, ms = 8000) {
      const end = Date.now() + ms;
      for (;;) {
        const text = tmux('capture-pane', '-p', '-J', '-t', session);
        if (pattern.test(text)) return text;
        if (Date.now() > end) throw new Error(`screen never showed ${pattern}:\n${text}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    type(text) {
      tmux('send-keys', '-t', session, '-l', text);
    },
    press(...keys) {
      tmux('send-keys', '-t', session, ...keys);
    },
    async exitCode() {
      const end = Date.now() + 8000;
      while (!fs.existsSync(exitFile) || fs.readFileSync(exitFile, 'utf8').trim() === '') {
        if (Date.now() > end) throw new Error('the command did not end');
        await new Promise((r) => setTimeout(r, 100));
      }
      return Number(fs.readFileSync(exitFile, 'utf8'));
    },
    close() {
      spawnSync('tmux', ['kill-session', '-t', session]);
    },
  };
}
