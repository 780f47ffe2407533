/**
 * The DOCX and XLSX writers are heavy: the bundle must load them only when those formats are
 * asked for, never when the CLI starts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const DIST = path.join(ROOT, 'dist');

/** Files the entry imports statically (`import … from "./chunk.js"`), transitively. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(path.join(DIST, file), 'utf8');
    for (const m of code.matchAll(/^import\s*(?:[^'"();]*?\sfrom\s*)?["']\.\/([^"']+)["'];?/gm)) visit(m[1]);
  };
  visit(entry);
  return seen;
}

const WORD = 'wordprocessingml';
const EXCEL = 'spreadsheetml';

test('the writers are in the bundle, but not reachable at start-up', () => {
  const all = fs.readdirSync(DIST).filter((f) => f.endsWith('.js'));
  const holding = (marker: string) => all.filter((f) => fs.readFileSync(path.join(DIST, f), 'utf8').includes(marker));
  expect(holding(WORD).length).toBeGreaterThan(0);
  expect(holding(EXCEL).length).toBeGreaterThan(0);
  const graph = staticGraph('cli.js');
  expect(graph.size).toBeGreaterThan(1);
  for (const file of graph) {
    const code = fs.readFileSync(path.join(DIST, file), 'utf8');
    expect(code.includes(WORD), file).toBe(false);
    expect(code.includes(EXCEL), file).toBe(false);
  }
});
