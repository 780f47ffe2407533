/**
 * The end-to-end tests run the built bundle (dist/), not src/: a missing build, or one older than
 * the code it is built from, is built again before any test runs, so `npx vitest run` never
 * silently tests yesterday's dist/.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILT_FROM = ['src', 'bin', 'scripts/build.mjs', 'package.json'];

function newest(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((name) => newest(path.join(file, name))));
}

export default function setup(): void {
  const bundle = path.join(ROOT, 'dist', 'cli.cjs');
  const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  const source = Math.max(...BUILT_FROM.map((name) => newest(path.join(ROOT, name))));
  if (built >= source) return;
  process.stderr.write(built ? 'dist/ is older than src/: building it again (npm run build)\n' : 'dist/ is missing: building it (npm run build)\n');
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed: the end-to-end tests would run an old or missing dist/');
}
