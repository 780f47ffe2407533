/**
 * `tasks restore` on a real terminal asks before replacing the database: tmux gives the CLI a
 * pseudo-terminal, answers and reads the screen. Skipped, visibly, where tmux is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, workspace, type Workspace } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('tmux not found: the restore confirmation tests are skipped');

const session = `tasks-restore-${process.pid}`;
let w: Workspace;
let copy: string;
let exitFile: string;

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

async function waitFor(pattern: RegExp, ms = 8000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const text = tmux('capture-pane', '-p', '-J', '-t', session);
    if (pattern.test(text)) return text;
    if (Date.now() > end) throw new Error(`screen never showed ${pattern}:\n${text}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function exitCode(): Promise<number> {
  const end = Date.now() + 8000;
  while (!fs.existsSync(exitFile) || fs.readFileSync(exitFile, 'utf8').trim() === '') {
    if (Date.now() > end) throw new Error('the command did not end');
    await new Promise((r) => setTimeout(r, 100));
  }
  return Number(fs.readFileSync(exitFile, 'utf8'));
}

beforeEach(() => {
  if (!hasTmux) return;
  w = workspace('2026-11-20');
  w.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]);
  w.run(['add', 'Rà soát quy chế làm việc', '--unit', 'VP', '--due', '2026-12-15']);
  copy = path.join(w.dir, 'sao-luu.db');
  w.run(['backup', copy]);
  w.run(['add', 'Tổng kết công tác năm', '--unit', 'VP', '--due', '2026-12-31']);
  exitFile = path.join(w.dir, 'exit-code');
  const command = `cd ${w.dir} && env -u CI TASKS_DB=${w.db} TASKS_TODAY=2026-11-20 NO_COLOR=1 ${process.execPath} ${BIN} restore ${copy}; echo $? > ${exitFile}; sleep 60`;
  tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '30', command);
});

afterEach(() => {
  if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
});

describe.skipIf(!hasTmux)('tasks restore on a terminal', () => {
  it('asks, and on "no" leaves the database as it was', async () => {
    await waitFor(/Thay cơ sở dữ liệu .*\(2 nhiệm vụ\) bằng bản sao lưu .*\(1 nhiệm vụ/);
    const before = w.snapshot();
    tmux('send-keys', '-t', session, 'n', 'Enter');
    expect(await exitCode()).toBe(0);
    await waitFor(/Không khôi phục; cơ sở dữ liệu giữ nguyên/);
    expect(w.snapshot()).toBe(before);
    expect(w.json(['list'])).toHaveLength(2);
  });

  it('on "yes" restores', async () => {
    await waitFor(/Thay cơ sở dữ liệu/);
    tmux('send-keys', '-t', session, 'y', 'Enter');
    expect(await exitCode()).toBe(0);
    expect(w.json(['list'])).toHaveLength(1);
  });

  it('Ctrl+C ends with exit 130 and nothing restored', async () => {
    await waitFor(/Thay cơ sở dữ liệu/);
    tmux('send-keys', '-t', session, 'C-c');
    expect(await exitCode()).toBe(130);
    expect(w.json(['list'])).toHaveLength(2);
  });
});
