/**
 * The contract for input the tool refuses: exit 1, one line on stderr beginning "lỗi: ", no stack
 * trace, and the database byte for byte as it was. Counts what it checks, for the figures.
 */
import { expect } from 'vitest';
import type { Workspace } from './cli.js';

export interface Tally {
  tried: number;
}

export function expectRefused(ws: Workspace, args: string[], tally: Tally, options: { env?: Record<string, string>; unchanged?: () => string } = {}): string {
  const snapshot = options.unchanged ?? (() => ws.snapshot());
  const before = snapshot();
  const result = ws.run(args, { env: options.env });
  const what = `tasks ${args.join(' ')}`;
  expect(result.code, `${what}\n${result.stderr}`).toBe(1);
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines, `${what}\n${result.stderr}`).toHaveLength(1);
  expect(lines[0], what).toMatch(/^lỗi: \S/);
  expect(lines[0], what).not.toMatch(/\bat .+:\d+:\d+|lỗi nội bộ|SQLITE_|Error:/);
  expect(result.stderr, what).not.toMatch(/\x1b/);
  expect(result.stdout, what).toBe('');
  expect(snapshot(), `${what} changed the database`).toBe(before);
  tally.tried++;
  return lines[0];
}
