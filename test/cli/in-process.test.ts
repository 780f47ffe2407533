/**
 * The in-process runner (test/helpers/cli.ts) leaves nothing of one command to the next: its
 * environment, its folder, its output.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers/cli.js';

describe('ws.run() in-process', () => {
  it('gives each command its own environment', () => {
    const ws = workspace();
    expect(ws.run(['show', '999'], { env: { TASKS_LANG: 'en' } }).stderr).toMatch(/^error: /);
    expect(ws.run(['show', '999']).stderr).toMatch(/^lỗi: /);
    expect(ws.run(['show', '999'], { env: { TASKS_LANG: 'en' }, spawn: true }).stderr).toMatch(/^error: /);
  });

  it('runs each command in its workspace, output and all', () => {
    const a = workspace();
    const b = workspace();
    for (const ws of [a, b]) expect(ws.run(['unit', 'add', 'VP', 'Văn phòng Sở']).code).toBe(0);
    expect(a.run(['add', 'Chỉ ở A', '--unit', 'VP', '--due', '2026-12-01']).code).toBe(0);
    expect(a.run(['export', '--out', 'a.csv']).code).toBe(0);
    expect(b.run(['export', '--out', 'b.csv']).code).toBe(0);
    expect(fs.readFileSync(path.join(a.dir, 'a.csv'), 'utf8')).toContain('Chỉ ở A');
    expect(fs.existsSync(path.join(b.dir, 'b.csv'))).toBe(true);
    expect(fs.readFileSync(path.join(b.dir, 'b.csv'), 'utf8')).not.toContain('Chỉ ở A');
    expect(b.json(['list'])).toEqual([]);
  });

  it('reads stdin from input', () => {
    const ws = workspace();
    const result = ws.run(['show', '1'], { input: 'không dùng' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
  });
});
