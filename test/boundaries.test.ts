/**
 * The layers of src/ hold (.dependency-cruiser.cjs): cli → app → (import, remind, report-model,
 * sheet, db) → domain, report/ only from cli/, no cycles. The second test shows the check fails on
 * an upward import, so a passing first test means something.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const cruiser = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const config = path.join(root, '.dependency-cruiser.cjs');

function cruise(cwd: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [cruiser, 'src', '--config', config, '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-boundaries-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
  fs.writeFileSync(path.join(scratch, file), text);
}

describe('the import boundaries', () => {
  it('src/ has no upward import and no cycle', () => {
    const { status, output } = cruise(root);
    expect(output).toMatch(/no dependency violations found/);
    expect(status).toBe(0);
  });

  it('an upward import, a renderer reached from a use case and a cycle are each refused', () => {
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }));
    write('package.json', JSON.stringify({ type: 'module' }));
    write('src/app/add.ts', "export const add = 1;\n");
    write('src/domain/rule.ts', "import { add } from '../app/add.js';\nexport const rule = add;\n");
    write('src/report/show.ts', "export const show = 1;\n");
    write('src/app/use.ts', "import { show } from '../report/show.js';\nexport const use = show;\n");
    write('src/db/a.ts', "import { b } from './b.js';\nexport const a = b;\n");
    write('src/db/b.ts', "import type { a } from './a.js';\nexport const b = 1 as unknown as typeof a;\n");
    const { status, output } = cruise(scratch);
    expect(status).not.toBe(0);
    expect(output).toMatch(/domain-is-pure: src\/domain\/rule\.ts → src\/app\/add\.ts/);
    expect(output).toMatch(/report-only-from-cli: src\/app\/use\.ts → src\/report\/show\.ts/);
    expect(output).toMatch(/no-cycles: src\/db\/a\.ts/);
  });
});
