/**
 * A DOCX digest on a real terminal asks for the agency's name when the database has none, and
 * saves it: tmux gives the CLI a pseudo-terminal. Skipped, visibly, where tmux is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, workspace, type Workspace } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('tmux not found: the agency prompt test is skipped');

const session = `tasks-agency-${process.pid}`;
let w: Workspace;
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
  w.run(['unit', 'import', w.file('dv.json', JSON.stringify({ units: [{ code: 'NS', name: 'Phòng Ngân sách' }] }))]);
  w.run(['add', 'Lập dự toán ngân sách 2027', '--unit', 'NS', '--due', '30/11/2026']);
  exitFile = path.join(w.dir, 'exit-code');
  const command = `cd ${w.dir} && env -u CI TASKS_DB=${w.db} TASKS_TODAY=2026-11-20 NO_COLOR=1 ${process.execPath} ${BIN} digest --month 2026-11 --out bc.docx; echo $? > ${exitFile}; sleep 60`;
  tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '30', command);
});

afterEach(() => {
  if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
});

describe.skipIf(!hasTmux)('the agency asked for on a terminal', () => {
  it('asks once, saves it and writes the report with it', async () => {
    await waitFor(/Tên cơ quan ghi trên tiêu đề báo cáo/);
    tmux('send-keys', '-t', session, '-l', 'SỞ TÀI CHÍNH');
    tmux('send-keys', '-t', session, 'Enter');
    expect(await exitCode()).toBe(0);
    expect(w.json(['config', 'get', 'org.parent'])).toMatchObject({ value: 'SỞ TÀI CHÍNH', default: false });
    expect(fs.existsSync(path.join(w.dir, 'bc.docx'))).toBe(true);
  });
});
