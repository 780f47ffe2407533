/**
 * `tasks import FILE --update` on a real terminal asks before applying a corrected conclusion:
 * tmux gives the CLI a pseudo-terminal, answers and reads the screen. Skipped, visibly, where
 * tmux is not installed.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, workspace, type Workspace } from '../helpers/cli.js';
import { hasTmux, openTerminal, type Terminal } from '../helpers/tmux.js';

if (!hasTmux) console.warn('tmux not found: the import --update confirmation tests are skipped');

let w: Workspace;
let term: Terminal;

beforeEach(() => {
  if (!hasTmux) return;
  w = workspace('2026-11-20');
  w.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]);
  const first = w.file('kl.txt', 'Số: 90/TB-SNgV\nQuảng Hòa, ngày 10 tháng 11 năm 2026\nGiám đốc Sở yêu cầu:\n1. Văn phòng Sở rà soát quy chế làm việc, trình trước ngày 15/12/2026.\n');
  w.run(['import', first, '--yes']);
  const fixed = w.file('kl-sua.txt', 'Số: 90/TB-SNgV\nQuảng Hòa, ngày 10 tháng 11 năm 2026\nGiám đốc Sở yêu cầu:\n1. Văn phòng Sở rà soát quy chế làm việc, trình trước ngày 15/12/2026.\n2. Thanh tra Sở kiểm tra hồ sơ tiếp công dân trước ngày 20/12/2026.\n');
  term = openTerminal('update', w, '2026-11-20', `import ${fixed} --update`);
});

afterEach(() => {
  if (hasTmux) term.close();
});

describe.skipIf(!hasTmux)('tasks import --update on a terminal', () => {
  it('shows the differences, asks, and on "no" changes nothing', async () => {
    await term.waitFor(/\+ Mục 2 \(mới\)[\s\S]*Cập nhật văn bản 90\/TB-SNgV theo bản đã sửa\?/);
    term.press('n', 'Enter');
    expect(await term.exitCode()).toBe(0);
    await term.waitFor(/Không thay đổi gì/);
    expect(w.json(['list'])).toHaveLength(1);
    expect(w.json<any[]>(['log']).map((e) => e.action)).not.toContain('source.update-import');
    expect(w.sql('select id from directive')).toHaveLength(1);
  });

  it('on "yes" applies the corrected version', async () => {
    await term.waitFor(/theo bản đã sửa\?/);
    term.press('y', 'Enter');
    expect(await term.exitCode()).toBe(0);
    expect(w.json<any[]>(['list']).map((t) => t.lead)).toEqual(['VP', 'TTR']);
  });
});
