/**
 * The real start: bin/tasks.js as a new process, where the in-process runner (test/helpers/cli.ts)
 * cannot tell — the fast --version path, exit codes set on the process, and a missing build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, workspace } from '../helpers/cli.js';

const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('bin/tasks.js as a process', () => {
  it('prints package.json\'s version, by the fast path and through the bundle', () => {
    const ws = workspace();
    expect(ws.run(['--version'], { spawn: true })).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(ws.run(['--lang', 'en', '--version'], { spawn: true })).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(ws.run(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('exits 0, 1, 2 as the in-process run says', () => {
    const ws = workspace();
    for (const args of [['list'], ['show', '999'], ['no-such-command'], ['due']]) {
      const spawned = ws.run(args, { spawn: true });
      const inProcess = ws.run(args);
      expect([spawned.code, spawned.stderr]).toEqual([inProcess.code, inProcess.stderr]);
    }
    expect(ws.run(['show', '999'], { spawn: true }).code).toBe(1);
    expect(ws.run(['no-such-command'], { spawn: true }).code).toBe(2);
  });

  it('without a build says in one line to run npm run build', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-nobuild-'));
    fs.cpSync(path.join(ROOT, 'bin'), path.join(copy, 'bin'), { recursive: true });
    for (const args of [['due'], ['--version']]) {
      const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'tasks.js'), ...args], { encoding: 'utf8' });
      expect(result.status).toBe(70);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('npm run build');
    }
  });
});
