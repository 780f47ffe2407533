/**
 * What only PostgreSQL has: a server that can be down, logins and passwords, databases that do not
 * exist, read-only logins. Each a one-line refusal with exit 1, the password never printed.
 * Runs in the postgres project (TASKS_TEST_PG_URL); skipped, and counted as skipped, without it.
 */
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbExec, ON_POSTGRES, PG_URL, withDatabase } from '../helpers/backend.js';
import { ROOT, workspace } from '../helpers/cli.js';

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe.runIf(ON_POSTGRES)('PostgreSQL connections', () => {
  it('a server that is not there, a missing database, an unknown login: one line, exit 1, no password', async () => {
    const w = workspace();
    const down = w.run(['due'], { env: { TASKS_DB: `postgres://tasks:bi-mat-123@127.0.0.1:${await closedPort()}/tasks` } });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^lỗi: không kết nối được máy chủ PostgreSQL 127\.0\.0\.1:\d+ \(/);
    expect(down.stderr.trim().split('\n')).toHaveLength(1);

    const missing = w.run(['due'], { env: { TASKS_DB: withDatabase(PG_URL, 'khong_co_csdl_nay') } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^lỗi: không có cơ sở dữ liệu "postgres:\/\/.*khong_co_csdl_nay" trên máy chủ/);

    const url = new URL(w.db);
    url.username = 'khong_co_nguoi_nay';
    url.password = 'bi-mat-123';
    const login = w.run(['due'], { env: { TASKS_DB: url.toString() } });
    expect(login.code).toBe(1);
    expect(login.stderr).toMatch(/từ chối đăng nhập/);
    for (const r of [down, missing, login]) {
      expect(r.stderr + r.stdout).not.toContain('bi-mat-123');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('tasks info shows the URL without its password', () => {
    const w = workspace();
    const url = new URL(w.db);
    url.password = 'bi-mat-123';
    // A command that only reads does not fill an empty database: init (a writer) makes the tables.
    expect(w.run(['init']).code).toBe(0);
    const info = w.run(['info', '--json'], { env: { TASKS_DB: url.toString() } });
    expect(info.code, info.stderr).toBe(0);
    expect(info.stdout).not.toContain('bi-mat-123');
    expect(JSON.parse(info.stdout).database).toMatch(/^postgres:\/\/tasks:\*\*\*@/);
  });

  it('refuses a database holding other tables, and one written by a newer schema', () => {
    const w = workspace();
    w.sql('create table contacts (name text)');
    const foreign = w.run(['due']);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/không phải là cơ sở dữ liệu của tasks/);

    const v = workspace();
    expect(v.run(['init']).code).toBe(0);
    v.sql("insert into kysely_migration (name, timestamp) values ('2099-01-01-future', '2099-01-01')");
    expect(v.run(['due']).stderr).toMatch(/phiên bản tasks mới hơn/);
  });

  it('a read-only login reads, and a write through it is refused in one line with nothing written', () => {
    const w = workspace();
    expect(w.run(['unit', 'import', path.join(ROOT, 'data', 'units-sample.json')]).code).toBe(0);
    expect(w.run(['add', 'Báo cáo kết quả rà soát', '--unit', 'VP', '--due', '2026-11-25']).code).toBe(0);
    const role = `xem_${new URL(w.db).pathname.slice(1)}`.slice(0, 60);
    dbExec(PG_URL, JSON.stringify({ sql: `create role ${role} login`, params: [] }));
    w.sql(`grant usage on schema public to ${role}`);
    w.sql(`grant select on all tables in schema public to ${role}`);
    const url = new URL(w.db);
    url.username = role;
    const env = { env: { TASKS_DB: url.toString() } };
    expect(w.json(['list'], env)).toHaveLength(1);
    const before = w.snapshot();
    const write = w.run(['done', '1'], env);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/^lỗi: không có quyền với cơ sở dữ liệu/);
    expect(w.snapshot()).toBe(before);
  });
});
