/**
 * `tasks import FILE --update` on a real terminal asks before applying a corrected conclusion:
 * tmux gives the CLI a pseudo-terminal, answers and reads the screen. Skipped, visibly, where
 * tmux is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, workspace, type Workspace } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('tmux not found: the import --update confirmation tests are skipped');

const session = `tasks-update-${process.pid}`;
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
  w.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]);
  const first = w.file('kl.txt', 'Số: 90/TB-SNgV\nQuảng Hòa, ngày 10 tháng 11 năm 2026\nGiám đốc Sở yêu cầu:\n1. Văn phòng Sở rà soát quy chế làm việc, trình trước ngày 15/12/2026.\n');
  w.run(['import', first, '--yes']);
  const fixed = w.file('kl-sua.txt', 'Số: 90/TB-SNgV\nQuảng Hòa, ngày 10 tháng 11 năm 2026\nGiám đốc Sở yêu cầu:\n1. Văn phòng Sở rà soát quy chế làm việc, trình trước ngày 15/12/2026.\n2. Thanh tra Sở kiểm tra hồ sơ tiếp công dân trước ngày 20/12/2026.\n');
  exitFile = path.join(w.dir, 'exit-code');
  const command = `cd ${w.dir} && env -u CI TASKS_DB=${w.db} TASKS_TODAY=2026-11-20 NO_COLOR=1 ${process.execPath} ${BIN} import ${fixed} --update; echo $? > ${exitFile}; sleep 60`;
  tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '30', command);
});

afterEach(() => {
  if (hasTmux) spawnSync('tmux', ['kill-session', '-t', session]);
});

describe.skipIf(!hasTmux)('tasks import --update on a terminal', () => {
  it('shows the differences, asks, and on "no" changes nothing', async () => {
    await waitFor(/\+ Mục 2 \(mới\)[\s\S]*Cập nhật văn bản 90\/TB-SNgV theo bản đã sửa\?/);
    tmux('send-keys', '-t', session, 'n', 'Enter');
    expect(await exitCode()).toBe(0);
    await waitFor(/Không thay đổi gì/);
    expect(w.json(['list'])).toHaveLength(1);
    expect(w.json<any[]>(['log']).map((e) => e.action)).not.toContain('source.update-import');
    expect(w.sql('select id from directive')).toHaveLength(1);
  });

  it('on "yes" applies the corrected version', async () => {
    await waitFor(/theo bản đã sửa\?/);
    tmux('send-keys', '-t', session, 'y', 'Enter');
    expect(await exitCode()).toBe(0);
    expect(w.json<any[]>(['list']).map((t) => t.lead)).toEqual(['VP', 'TTR']);
  });
});
