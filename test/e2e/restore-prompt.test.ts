/**
 * `tasks restore` on a real terminal asks before replacing the database: tmux gives the CLI a
 * pseudo-terminal, answers and reads the screen. Skipped, visibly, where tmux is not installed.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';
import { hasTmux, openTerminal, type Terminal } from '../helpers/tmux.js';

if (!hasTmux) console.warn('tmux not found: the restore confirmation tests are skipped');

let w: Workspace;
let copy: string;
let term: Terminal;

beforeEach(() => {
  if (!hasTmux) return;
  w = workspace('2026-11-20');
  w.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]);
  w.run(['add', 'Rà soát quy chế làm việc', '--unit', 'VP', '--due', '2026-12-15']);
  copy = path.join(w.dir, 'sao-luu.db');
  w.run(['backup', copy]);
  w.run(['add', 'Tổng kết công tác năm', '--unit', 'VP', '--due', '2026-12-31']);
  term = openTerminal('restore', w, '2026-11-20', `restore ${copy}`);
});

afterEach(() => {
  if (hasTmux) term.close();
});

describe.skipIf(!hasTmux)('tasks restore on a terminal', () => {
  it('asks, and on "no" leaves the database as it was', async () => {
    await term.waitFor(/Thay cơ sở dữ liệu .*\(2 nhiệm vụ\) bằng bản sao lưu .*\(1 nhiệm vụ/);
    const before = w.snapshot();
    term.press('n', 'Enter');
    expect(await term.exitCode()).toBe(0);
    await term.waitFor(/Không khôi phục; cơ sở dữ liệu giữ nguyên/);
    expect(w.snapshot()).toBe(before);
    expect(w.json(['list'])).toHaveLength(2);
  });

  it('on "yes" restores', async () => {
    await term.waitFor(/Thay cơ sở dữ liệu/);
    term.press('y', 'Enter');
    expect(await term.exitCode()).toBe(0);
    expect(w.json(['list'])).toHaveLength(1);
  });

  it('Ctrl+C ends with exit 130 and nothing restored', async () => {
    await term.waitFor(/Thay cơ sở dữ liệu/);
    term.press('C-c');
    expect(await term.exitCode()).toBe(130);
    expect(w.json(['list'])).toHaveLength(2);
  });
});
