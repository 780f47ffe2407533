// The README's first command ends here: a fresh demo database under demo/, filled the way an
// office clerk would fill it (data/demo.json), then the daily view as of a fixed day.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'tasks.js');
const db = path.join(root, 'demo', 'tasks-demo.db');
const demo = JSON.parse(fs.readFileSync(path.join(root, 'data', 'demo.json'), 'utf8'));

for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
const env = { ...process.env, TASKS_DB: db, TASKS_USER: process.env.TASKS_USER ?? 'demo' };

function tasks(args, today, quiet) {
  const result = spawnSync(process.execPath, [bin, ...args, '--today', today], { cwd: root, env, stdio: quiet ? ['ignore', 'ignore', 'pipe'] : 'inherit', encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stderr ?? '');
    console.error(`demo: "tasks ${args.join(' ')}" exited ${result.status}`);
    process.exit(1);
  }
}

for (const step of demo.steps) tasks(step.args, step.today, true);
console.log(`Cơ sở dữ liệu mẫu: ${path.relative(process.cwd(), db)}  (${demo.about})\n`);
console.log(`$ tasks due --today ${demo.asOf}`);
tasks(['due'], demo.asOf, false);
// npm run demo -- --reports DIR: the demo's digest as a person would open it (DOCX, XLSX, HTML).
const at = process.argv.indexOf('--reports');
if (at !== -1) {
  const dir = path.resolve(process.argv[at + 1] ?? 'demo/reports');
  fs.mkdirSync(dir, { recursive: true });
  const month = demo.asOf.slice(0, 7);
  for (const ext of ['docx', 'xlsx', 'html']) tasks(['digest', '--month', month, '--out', path.join(dir, `bao-cao-giao-ban-${month}.${ext}`)], demo.asOf, true);
  console.log(`\nBáo cáo giao ban tháng ${month} (DOCX, XLSX, HTML): ${path.relative(process.cwd(), dir) || '.'}`);
}
console.log(`\nThử thêm: TASKS_DB=${path.relative(process.cwd(), db)} node bin/tasks.js list --today ${demo.asOf}`);
