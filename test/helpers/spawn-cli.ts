/**
 * Runs bin/tasks.js without blocking the test's event loop, so a server inside the test process
 * (the loopback SMTP server) can answer the CLI while it runs. Same environment as workspace().
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { BIN, type RunResult, type Workspace } from './cli.js';

/** Starts bin/tasks.js in the workspace's environment (plus `env`), stdout and stderr piped. */
export function spawnCli(ws: Workspace, args: string[], env: Record<string, string> = {}): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: ws.dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: ws.dir,
      XDG_DATA_HOME: path.join(ws.dir, 'xdg'),
      TASKS_DB: ws.db,
      TASKS_TODAY: '2026-11-20',
      TASKS_USER: 'chuyenvien.vp',
      NO_COLOR: '1',
      TZ: process.env.TZ ?? '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runAsync(ws: Workspace, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(ws, args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
