#!/usr/bin/env node
/**
 * `npm run bench:web`: 50 signed-in unit heads reading their unit's page at once on a 100 000-task
 * tracker, served by `tasks serve` on 127.0.0.1 (autocannon, 50 connections, each with its own
 * session, for a bounded time). Reports the latency percentiles and the errors; p99 must be at
 * most 100 ms with no error.
 *
 *   npm run bench:web -- [--tasks 100000] [--seconds 15] [--connections 50]
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Sqlite from 'better-sqlite3';
import { AS_OF, seed } from './seed.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin', 'tasks.js');

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const TASKS = arg('--tasks', 100_000);
const SECONDS = arg('--seconds', 15);
const CONNECTIONS = arg('--connections', 50);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-bench-web-'));
const db = path.join(dir, 'bench.db');
const cached = path.join(ROOT, '.bench', `web-${TASKS}.db`);
if (!fs.existsSync(cached)) {
  fs.mkdirSync(path.dirname(cached), { recursive: true });
  seed({ tasks: TASKS, db: cached, seed: 2026, force: true });
}
fs.copyFileSync(cached, db);

const env = { ...process.env, TASKS_DB: db, TASKS_TODAY: AS_OF, TASKS_USER: 'vanphong', NO_COLOR: '1' };
const run = (...a) => {
  const r = spawnSync(process.execPath, [BIN, ...a], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tasks ${a.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

// 50 unit heads of the 30 units (the busiest units have two), registered straight in the
// database in one transaction (50 `tasks user add` would only cost time), after the office.
run('user', 'add', 'Văn phòng', '--login', 'vanphong', '--role', 'office');
{
  const sqlite = new Sqlite(db);
  const units = sqlite.prepare("select u.id, u.code from unit u left join task t on t.lead_unit_id = u.id group by u.id order by count(t.id) desc").all();
  const insert = sqlite.prepare("insert into person (login, name, role, unit_id, created_at, updated_at) values (?, ?, 'head', ?, ?, ?)");
  const at = new Date().toISOString();
  sqlite.transaction(() => {
    for (let i = 0; i < CONNECTIONS; i++) insert.run(`head${i}`, `Trưởng đơn vị ${i}`, units[i % units.length].id, at, at);
  })();
  sqlite.close();
}

const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--sign-in-rate', '100'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
const url = await new Promise((resolve, reject) => {
  server.stderr.on('data', (c) => {
    stderr += c;
    const m = /đang chạy tại (http:\/\/\S+)/.exec(stderr);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`tasks serve exited ${code}: ${stderr}`)));
});

/** Signs one head in through the real link and form, and returns the session cookie. */
async function signIn(login) {
  const link = run('user', 'link', login, '--url', url).trim();
  const page = await fetch(link, { redirect: 'manual' });
  const cookies = page.headers.getSetCookie().map((c) => c.split(';')[0]);
  const html = await page.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)[1];
  const t = /name="t" value="([^"]+)"/.exec(html)[1];
  const posted = await fetch(`${url}/dang-nhap/xac-nhan`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookies.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, t }),
  });
  if (posted.status !== 303) throw new Error(`sign-in of ${login}: ${posted.status}`);
  return posted.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('tasks_phien='));
}

const sessions = [];
for (let i = 0; i < CONNECTIONS; i++) sessions.push(await signIn(`head${i}`));

// One page per head before the run, to check it is the unit's page, not a redirect. This also
// makes each unit's page once (about 40 ms each on this tracker); the run measures the reading
// after that, as on an office morning once the first head of each unit has looked.
let firstMs = 0;
for (const cookie of sessions) {
  const started = performance.now();
  const r = await fetch(`${url}/don-vi`, { headers: { cookie } });
  if (r.status !== 200 || !(await r.text()).includes('Nhiệm vụ của')) throw new Error(`the unit page did not answer: ${r.status}`);
  firstMs = Math.max(firstMs, performance.now() - started);
}

let next = 0;
const cpuBefore = process.cpuUsage();
const result = await autocannon({
  url,
  connections: CONNECTIONS,
  duration: SECONDS,
  requests: [
    {
      method: 'GET',
      path: '/don-vi',
      setupRequest(request, context) {
        context.cookie ??= sessions[next++ % sessions.length];
        return { ...request, headers: { ...request.headers, cookie: context.cookie } };
      },
    },
  ],
});
const serverCpu = spawnSync('ps', ['-o', 'times=', '-p', String(server.pid)], { encoding: 'utf8' }).stdout.trim();
server.kill('SIGTERM');
fs.rmSync(dir, { recursive: true, force: true });

const l = result.latency;
const report = {
  tasks: TASKS,
  connections: CONNECTIONS,
  seconds: SECONDS,
  requests: result.requests.total,
  perSecond: Math.round(result.requests.average),
  latencyMs: { p50: l.p50, p90: l.p90, p99: l.p99, max: l.max },
  slowestFirstPageMs: Math.round(firstMs),
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  serverCpuSeconds: serverCpu,
  clientCpuMs: Math.round((process.cpuUsage(cpuBefore).user + process.cpuUsage(cpuBefore).system) / 1000),
};
console.log(JSON.stringify(report, null, 2));
const ok = l.p99 <= 100 && result.errors === 0 && result.non2xx === 0 && result.timeouts === 0;
console.log(ok ? 'bench:web OK: p99 ≤ 100 ms, no error' : 'bench:web FAILED: p99 over 100 ms or errors');
process.exitCode = ok ? 0 : 1;
