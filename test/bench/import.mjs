// Import speed against its two budgets (issue 3): parsing a 50 KB conclusion in process within
// 100 ms, and `tasks import --dry-run --json` of the reference conclusion within 300 ms wall.
// Run after a build: node scripts/build.mjs && node test/bench/import.mjs
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, '.bench', 'import-parser.mjs');
await build({
  stdin: {
    contents: `export { parseConclusion } from './src/import/parse-conclusion.ts';
      export { makeCalendar } from './src/domain/working-days.ts';
      export { parseUnitList } from './src/domain/unit-list.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
});
const { parseConclusion, makeCalendar, parseUnitList } = await import(out);

const list = parseUnitList(fs.readFileSync(path.join(root, 'data', 'units-sample.json'), 'utf8'));
const registry = {
  units: list.units.map((u, i) => ({ ...u, id: i + 1, active: true, position: i + 1 })),
  groups: list.groups.map((g, i) => ({ ...g, id: i + 1 })),
};
const calendar = makeCalendar({ off: [], workdays: [] });
const report = 'Trong kỳ, các đơn vị đã triển khai Kế hoạch số 15/KH-SNgV ngày 08/01/2026; công tác lãnh sự được thực hiện kịp thời.\n'.repeat(40);
const items = Array.from({ length: 380 }, (_, i) => `- Phòng Lãnh sự rà soát hồ sơ đợt ${i + 1}, hoàn thành trước ngày ${(i % 28) + 1}/12/2026; phối hợp với Văn phòng Sở báo cáo kết quả hằng quý.`);
const big = `Số: 9/TB-SNgV\nTHÔNG BÁO\nKết luận cuộc họp\n${report}Giám đốc Sở giao nhiệm vụ như sau:\n${items.join('\n')}`;
const options = { registry, calendar, today: '2026-05-11', overrides: {} };

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) };
}
function line(name, budget, s) {
  const verdict = s.median <= budget ? 'ok' : 'OVER BUDGET';
  console.log(`${name.padEnd(46)} min ${s.min.toFixed(1)} ms  median ${s.median.toFixed(1)} ms  max ${s.max.toFixed(1)} ms  (budget ${budget} ms: ${verdict})`);
}

let started = performance.now();
parseConclusion(big, options);
const cold = performance.now() - started;
const parseTimes = [];
for (let i = 0; i < 20; i++) {
  started = performance.now();
  parseConclusion(big, options);
  parseTimes.push(performance.now() - started);
}
console.log(`parse ${(big.length / 1024).toFixed(0)} KB conclusion, first (cold) run: ${cold.toFixed(1)} ms`);
line(`parse ${(big.length / 1024).toFixed(0)} KB conclusion in process`, 100, stats(parseTimes));

const reference = path.resolve(root, '../shared/reference/ket-luan-2021-06-24-so-ngoai-vu.txt');
const units = path.resolve(root, '../shared/reference/units-so-ngoai-vu.json');
if (!fs.existsSync(reference)) {
  console.log(`skipped the wall-clock run: ${reference} is missing`);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-bench-'));
  const env = { ...process.env, TASKS_DB: path.join(dir, 'tasks.db'), TASKS_TODAY: '2021-07-08', NO_COLOR: '1' };
  const bin = path.join(root, 'bin', 'tasks.js');
  spawnSync(process.execPath, [bin, 'unit', 'import', units], { env });
  const wall = [];
  for (let i = 0; i < 10; i++) {
    started = performance.now();
    const r = spawnSync(process.execPath, [bin, 'import', reference, '--dry-run', '--json'], { env, encoding: 'utf8' });
    wall.push(performance.now() - started);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  line('tasks import --dry-run --json (reference), wall', 300, stats(wall));
  fs.rmSync(dir, { recursive: true, force: true });
}

// A 30-page PDF (our own thông báo, 240 directives, made by test/fixtures/import/make-fixtures.mjs):
// `tasks import --dry-run --json` within 1 s, reading pdf.js positions included.
{
  const pdf = path.join(root, 'test', 'fixtures', 'import', 'thong-bao-30-trang.pdf');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-bench-'));
  const env = { ...process.env, TASKS_DB: path.join(dir, 'tasks.db'), TASKS_TODAY: '2027-01-06', NO_COLOR: '1' };
  const bin = path.join(root, 'bin', 'tasks.js');
  spawnSync(process.execPath, [bin, 'unit', 'import', path.join(root, 'data', 'units-sample.json')], { env });
  const wall = [];
  let count = 0;
  for (let i = 0; i < 5; i++) {
    started = performance.now();
    const r = spawnSync(process.execPath, [bin, 'import', pdf, '--dry-run', '--json'], { env, encoding: 'utf8' });
    wall.push(performance.now() - started);
    if (r.status !== 0) throw new Error(r.stderr);
    count = JSON.parse(r.stdout).directives.length;
  }
  line(`tasks import of a 30-page PDF (${count} directives), wall`, 1000, stats(wall));
  fs.rmSync(dir, { recursive: true, force: true });
}
