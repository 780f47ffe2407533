/**
 * A DOCX digest on a real terminal asks for the agency's name when the database has none, and
 * saves it: tmux gives the CLI a pseudo-terminal. Skipped, visibly, where tmux is not installed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workspace, type Workspace } from '../helpers/cli.js';
import { hasTmux, openTerminal, type Terminal } from '../helpers/tmux.js';

if (!hasTmux) console.warn('tmux not found: the agency prompt test is skipped');

let w: Workspace;
let term: Terminal;

beforeEach(() => {
  if (!hasTmux) return;
  w = workspace('2026-11-20');
  w.run(['unit', 'import', w.file('dv.json', JSON.stringify({ units: [{ code: 'NS', name: 'Phòng Ngân sách' }] }))]);
  w.run(['add', 'Lập dự toán ngân sách 2027', '--unit', 'NS', '--due', '30/11/2026']);
  term = openTerminal('agency', w, '2026-11-20', 'digest --month 2026-11 --out bc.docx');
});

afterEach(() => {
  if (hasTmux) term.close();
});

describe.skipIf(!hasTmux)('the agency asked for on a terminal', () => {
  it('asks once, saves it and writes the report with it', async () => {
    await term.waitFor(/Tên cơ quan ghi trên tiêu đề báo cáo/);
    term.type('SỞ TÀI CHÍNH');
    term.press('Enter');
    expect(await term.exitCode()).toBe(0);
    expect(w.json(['config', 'get', 'org.parent'])).toMatchObject({ value: 'SỞ TÀI CHÍNH', default: false });
    expect(fs.existsSync(path.join(w.dir, 'bc.docx'))).toBe(true);
  });
});
