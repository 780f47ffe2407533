/**
 * Runs the built CLI (bin/tasks.js) as a user would: a real process, a real SQLite file in a
 * temporary directory (or, in the postgres project, a fresh database on the test server), no
 * colours, a fixed "as of" day unless the test gives one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dbExec, freshPostgresDatabase, ON_POSTGRES, query } from './backend.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin', 'tasks.js');
export const SHARED = path.resolve(ROOT, '../shared');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Workspace {
  dir: string;
  /** The SQLite file, or the PostgreSQL URL in the postgres project. */
  db: string;
  postgres: boolean;
  /** Where `tasks remind` writes by default: beside the SQLite file, or in the user's data folder. */
  outbox: string;
  run(args: string[], options?: { env?: Record<string, string>; input?: string }): RunResult;
  json<T = any>(args: string[], options?: { env?: Record<string, string> }): T;
  file(name: string, content: string | Buffer): string;
  /** The bytes of the SQLite file and its WAL, or every row on PostgreSQL: proof a refused command wrote nothing. */
  snapshot(): string;
  /** One statement straight on the database ("?" placeholders), its rows. */
  sql<T = Record<string, unknown>>(statement: string, params?: unknown[]): T[];
}

export function workspace(today = '2026-11-20'): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-test-'));
  const db = ON_POSTGRES ? freshPostgresDatabase() : path.join(dir, 'tasks.db');
  const run: Workspace['run'] = (args, options = {}) => {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      encoding: 'utf8',
      // `tasks list --json` on a tracker of a thousand tasks is more than spawnSync's 1 MiB default.
      maxBuffer: 64 * 1024 * 1024,
      input: options.input ?? '',
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        XDG_DATA_HOME: path.join(dir, 'xdg'),
        TASKS_DB: db,
        TASKS_TODAY: today,
        TASKS_USER: 'chuyenvien.vp',
        NO_COLOR: '1',
        TZ: process.env.TZ ?? '',
        ...options.env,
      },
    });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };
  return {
    dir,
    db,
    postgres: ON_POSTGRES,
    outbox: ON_POSTGRES ? path.join(dir, 'xdg', 'tasks', 'outbox') : path.join(dir, 'outbox'),
    run,
    json(args, options) {
      const result = run([...args, '--json'], options);
      if (result.code !== 0) throw new Error(`tasks ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
      return JSON.parse(result.stdout);
    },
    file(name, content) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    },
    snapshot() {
      if (ON_POSTGRES) return dbExec(db, 'snapshot');
      return ['', '-wal']
        .map((suffix) => (fs.existsSync(db + suffix) ? fs.readFileSync(db + suffix).toString('base64') : '-'))
        .join('|');
    },
    sql(statement, params = []) {
      return query(db, statement, params);
    },
  };
}
