/**
 * Runs the built CLI as a user would: a real SQLite file in a temporary directory (or, in the
 * postgres project, a fresh database on the test server), no colours, a fixed "as of" day unless
 * the test gives one. By default in one long-lived process that has loaded the bundle and calls
 * main(argv, io) per command (./cli-server.cjs); a new process of bin/tasks.js per command where
 * the start itself is what is tested: `{ spawn: true }`, TASKS_TEST_SPAWN=1 for a whole run, and
 * always for NODE_OPTIONS (preloads) and TASKS_TEST_PAUSE_AT (the crash tests kill the process).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

export interface RunOptions {
  env?: Record<string, string>;
  input?: string;
  /** A new process of bin/tasks.js for this command, not the in-process run. */
  spawn?: boolean;
}

export interface Workspace {
  dir: string;
  /** The SQLite file, or the PostgreSQL URL in the postgres project. */
  db: string;
  postgres: boolean;
  /** Where `tasks remind` writes by default: beside the SQLite file, or in the user's data folder. */
  outbox: string;
  run(args: string[], options?: RunOptions): RunResult;
  json<T = any>(args: string[], options?: { env?: Record<string, string> }): T;
  file(name: string, content: string | Buffer): string;
  /** The bytes of the SQLite file and its WAL, or every row on PostgreSQL: proof a refused command wrote nothing. */
  snapshot(): string;
  /** One statement straight on the database ("?" placeholders), its rows. */
  sql<T = Record<string, unknown>>(statement: string, params?: unknown[]): T[];
}

function spawnRun(args: string[], cwd: string, env: Record<string, string>, input: string | undefined): RunResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    // `tasks list --json` on a tracker of a thousand tasks is more than spawnSync's 1 MiB default.
    maxBuffer: 64 * 1024 * 1024,
    input: input ?? '',
    env,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const SERVER = path.join(ROOT, 'test', 'helpers', 'cli-server.cjs');
let server: { child: ChildProcess; requests: number; answers: number } | null = null;

function startServer(): NonNullable<typeof server> {
  const fifos = fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-cli-'));
  const requests = path.join(fifos, 'requests');
  const answers = path.join(fifos, 'answers');
  const made = spawnSync('mkfifo', [requests, answers]);
  if (made.status !== 0) throw new Error(`mkfifo: ${made.stderr}`);
  const child = spawn(process.execPath, [SERVER, requests, answers, path.join(ROOT, 'dist', 'cli.cjs'), BIN], { stdio: ['ignore', 'inherit', 'inherit'] });
  child.unref();
  // Read and write, so opening does not wait for the server; the answers' end waits for it to open.
  const requestsFd = fs.openSync(requests, 'r+');
  const answersFd = fs.openSync(answers, 'r');
  fs.rmSync(fifos, { recursive: true, force: true });
  return { child, requests: requestsFd, answers: answersFd };
}

function readExactly(fd: number, length: number): Buffer | null {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const n = fs.readSync(fd, buffer, read, length - read, null);
    if (n === 0) return null;
    read += n;
  }
  return buffer;
}

function inProcess(request: { args: string[]; cwd: string; env: Record<string, string>; input: string }): RunResult {
  server ??= startServer();
  const body = Buffer.from(JSON.stringify(request));
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  fs.writeSync(server.requests, Buffer.concat([head, body]));
  const length = readExactly(server.answers, 4);
  const answer = length && readExactly(server.answers, length.readUInt32BE(0));
  if (!answer) {
    server = null;
    throw new Error(`the in-process CLI ended without answering "tasks ${request.args.join(' ')}"`);
  }
  const value = JSON.parse(answer.toString()) as { code: number; stdout: string; stderr: string; fatal?: string; ended?: boolean };
  if (value.fatal) {
    server = null;
    throw new Error(value.fatal);
  }
  // An uncaught error ended the server, as it would have ended the process: the next run starts a new one.
  if (value.ended) server = null;
  return { code: value.code, stdout: Buffer.from(value.stdout, 'base64').toString('utf8'), stderr: Buffer.from(value.stderr, 'base64').toString('utf8') };
}

export function workspace(today = '2026-11-20'): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-test-'));
  const db = ON_POSTGRES ? freshPostgresDatabase() : path.join(dir, 'tasks.db');
  const run: Workspace['run'] = (args, options = {}) => {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      XDG_DATA_HOME: path.join(dir, 'xdg'),
      TASKS_DB: db,
      TASKS_TODAY: today,
      TASKS_USER: 'chuyenvien.vp',
      NO_COLOR: '1',
      TZ: process.env.TZ ?? '',
      ...options.env,
    };
    if (options.spawn || process.env.TASKS_TEST_SPAWN === '1' || env.NODE_OPTIONS || env.TASKS_TEST_PAUSE_AT) return spawnRun(args, dir, env, options.input);
    return inProcess({ args, cwd: dir, env, input: options.input ?? '' });
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
