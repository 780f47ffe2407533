/**
 * The web server is a bundle of its own (dist/web.cjs): no other command reads it or loads
 * fastify and its plugins; `tasks serve` does, and stops cleanly on SIGTERM.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, workspace } from '../helpers/cli.js';
import { startServer } from './web-helper.js';

const WEB = ['fastify', '@fastify/cookie', '@fastify/csrf-protection', '@fastify/formbody', '@fastify/multipart', '@fastify/rate-limit'];

describe('tasks serve loads only for itself', () => {
  it('tasks due, list and done load none of the server libraries', () => {
    const w = workspace('2026-11-20');
    expect(w.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]).code).toBe(0);
    expect(w.run(['add', 'Báo cáo kết quả', '--unit', 'VP', '--due', '2026-11-25']).code).toBe(0);
    for (const args of [['due'], ['list', '--json'], ['done', '1', '--evidence', '1/BC-VP'], ['serve', '--help']]) {
      const record = path.join(w.dir, `loaded-${args[0]}.txt`);
      const r = w.run(args, { env: { NODE_OPTIONS: `--require ${path.join(ROOT, 'test/helpers/record-loaded.cjs')}`, TASKS_TEST_LOADED: record } });
      expect(r.code, r.stderr).toBe(0);
      const loaded = fs.readFileSync(record, 'utf8').split('\n');
      expect(loaded.filter((name) => WEB.includes(name)), args.join(' ')).toEqual([]);
    }
    expect(fs.readFileSync(path.join(ROOT, 'dist', 'cli.cjs'), 'utf8')).not.toContain('@fastify/');
  });

  it('tasks serve refuses a bad port in one line, and serves then stops on SIGTERM', async () => {
    const w = workspace('2026-11-20');
    expect(w.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]).code).toBe(0);
    const bad = w.run(['serve', '--port', '99999']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^lỗi: cổng không hợp lệ/);
    const server = await startServer(w);
    const page = await fetch(`${server.url}/dang-nhap`);
    expect(page.status).toBe(200);
    await server.stop();
    expect(server.child.exitCode ?? server.child.signalCode).not.toBeNull();
  });
});
