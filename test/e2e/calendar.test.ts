/** `tasks calendar` end to end. */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ROOT, workspace } from '../helpers/cli.js';

/** A tracker with its database made, as `calendar list` and `add` only read one. */
function tracker() {
  const ws = workspace();
  expect(ws.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]).code).toBe(0);
  return ws;
}

describe('tasks calendar', () => {
  it('lists the days off of a year, one line each, with the yearly decisions applied', () => {
    const ws = tracker();
    const r = ws.run(['calendar', 'list', '2025']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('27/01/2025  Tết Âm lịch (nghỉ theo thông báo năm 2025)');
    expect(lines).toContain('07/04/2025  Giỗ Tổ Hùng Vương (10/3 âm lịch)');
    expect(lines.some((l) => l.startsWith('03/02/2025'))).toBe(false);
    for (const line of lines) expect(line).toMatch(/^\d{2}\/\d{2}\/\d{4} {2}\S/);
  });

  it('counts working days and takes the office’s own changes', () => {
    const ws = tracker();
    expect(ws.run(['calendar', 'add', '24/06/2021', '10']).stdout).toBe('08/07/2021\n');
    expect(ws.run(['calendar', 'off', '2021-06-25', '--to', '2021-06-28', '--name', 'Nghỉ đột xuất']).code).toBe(0);
    expect(ws.run(['calendar', 'add', '24/06/2021', '10']).stdout).toBe('12/07/2021\n');
    expect(ws.run(['calendar', 'workday', '2021-06-26', '--name', 'Làm bù']).code).toBe(0);
    expect(ws.run(['calendar', 'add', '24/06/2021', '10']).stdout).toBe('09/07/2021\n');
    const list = ws.run(['calendar', 'list', '2021']).stdout;
    expect(list).toMatch(/^25\/06\/2021 {2}Nghỉ đột xuất$/m);
    expect(list).toMatch(/^28\/06\/2021 {2}Nghỉ đột xuất$/m);
    expect(list).not.toMatch(/^26\/06\/2021/m);
  });

  it('refuses a year outside 1900–2199 and a bad date with one line', () => {
    const ws = tracker();
    const year = ws.run(['calendar', 'list', '2300']);
    expect(year.code).toBe(1);
    expect(year.stderr.trim().split('\n')).toHaveLength(1);
    expect(ws.run(['calendar', 'add', '31/02/2026', '3']).code).toBe(1);
  });
});
