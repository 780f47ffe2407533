/**
 * Only the shell (src/cli/) touches the process: its streams, environment, exit and signals reach
 * the rest through main(argv, io) and arguments, so every command also runs in-process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(tsx?|js|cjs|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** The code without comments and string contents, so a comment may still say "process.exit". */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, "''");
}

describe('process.* outside src/cli/', () => {
  it('is nowhere', () => {
    const found = sources(SRC)
      .map((file) => path.relative(SRC, file).split(path.sep).join('/'))
      .filter((file) => !file.startsWith('cli/'))
      .flatMap((file) =>
        code(fs.readFileSync(path.join(SRC, file), 'utf8'))
          .split('\n')
          .flatMap((line, i) => (/(?<![\w.$])(?:globalThis\.)?process\s*(?:\.|\[)/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });

  it('would be found', () => {
    expect(/(?<![\w.$])(?:globalThis\.)?process\s*(?:\.|\[)/.test(code("const a = process.env.X; // process.exit"))).toBe(true);
    expect(/(?<![\w.$])(?:globalThis\.)?process\s*(?:\.|\[)/.test(code("const a = 'process.env'; // process.exit"))).toBe(false);
  });
});
