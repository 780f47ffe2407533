/**
 * `tasks add` on a real terminal: tmux gives the CLI a pseudo-terminal, types the answers and
 * reads the screen. Skipped, visibly, where tmux is not installed (.ci/run installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, workspace, type Workspace } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('tmux not found: the interactive prompt tests are skipped');

const session = `tasks-test-${process.pid}`;
let w: Workspace;
let exitFile: string;

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

function screen(): string {
  return tmux('capture-pane', '-p', '-t', session);
}

async function waitFor(pattern: RegExp, ms = 8000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const text = screen();
    if (pattern.test(text)) return text;
    if (Date.now() > end) throw new Error(`screen never showed ${pattern}:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function exitCode(): Promise<number> {
  const end = Date.now() + 8000;
  while (!fs.existsSync(exitFile) || fs.readFileSync(exitFile, 'utf8').trim() === '') {
    if (Date.now() > end) throw new Error(`the command did not end:\n${screen()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Number(fs.readFileSync(exitFile, 'utf8'));
}

beforeEach(() => {
  if (!hasTmux) return;
  w = workspace('2026-11-20');
  w.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]);
  exitFile = path.join(w.dir, 'exit-code');
  // CI=true reaches the pane through the tmux server; canPrompt() rightly refuses to prompt there.
  const command = `cd ${w.dir} && env -u CI TASKS_DB=${w.db} TASKS_TODAY=2026-11-20 NO_COLOR=1 ${process.execPath} ${BIN} add; echo $? > ${exitFile}; sleep 60`;
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '30', command);
});

afterEach(() => {
  if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
});

describe.skipIf(!hasTmux)('tasks add on a terminal', () => {
  it('asks for the missing fields, re-asks a bad date, and records the task', async () => {
    await waitFor(/Nội dung nhiệm vụ/);
    tmux('send-keys', '-t', session, 'Rà soát hồ sơ công chức', 'Enter');
    await waitFor(/Đơn vị chủ trì/);
    tmux('send-keys', '-t', session, 'van phong', 'Enter');
    await waitFor(/Thời hạn/);
    tmux('send-keys', '-t', session, 'Enter');
    await waitFor(/Hạn xử lý/);
    tmux('send-keys', '-t', session, '31/02/2026', 'Enter');
    await waitFor(/không hợp lệ/);
    tmux('send-keys', '-t', session, 'C-u', '30/11/2026', 'Enter');
    expect(await exitCode()).toBe(0);
    const [task] = w.json(['list']);
    expect(task).toMatchObject({ text: 'Rà soát hồ sơ công chức', lead: 'VP', due: '2026-11-30' });
  });

  it('ends with exit 130 and writes nothing on Ctrl+C', async () => {
    await waitFor(/Nội dung nhiệm vụ/);
    tmux('send-keys', '-t', session, 'Việc bỏ dở', 'Enter');
    await waitFor(/Đơn vị chủ trì/);
    const before = w.snapshot();
    tmux('send-keys', '-t', session, 'C-c');
    expect(await exitCode()).toBe(130);
    expect(w.snapshot()).toBe(before);
    expect(w.json(['list'])).toEqual([]);
  });
});
