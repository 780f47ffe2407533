import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectDatabaseFile, openForCopy } from '../../src/db/backup.js';
import { openDatabase } from '../../src/db/connect.js';
import { DEFAULT_BUSY_TIMEOUT_MS } from '../../src/db/database.js';
import { isNotADatabase } from '../../src/db/sqlite-file.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tasks-sqlite-file-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function busyTimeoutOf(handle: Sqlite.Database): number {
  return handle.pragma('busy_timeout', { simple: true }) as number;
}

describe('one way to open a SQLite file', () => {
  it('the command connection and the copy connection both take the busy timeout they are given', async () => {
    const file = path.join(dir, 'tasks.db');
    const opened = await openDatabase(file, { create: true, busyTimeoutMs: 1234 });
    expect(opened.backedUpTo).toBeNull();
    await opened.close();
    const copy = openForCopy(file, { busyTimeoutMs: 4321 });
    try {
      expect(busyTimeoutOf(copy)).toBe(4321);
    } finally {
      copy.close();
    }
    const fallback = openForCopy(file);
    try {
      expect(busyTimeoutOf(fallback)).toBe(DEFAULT_BUSY_TIMEOUT_MS);
    } finally {
      fallback.close();
    }
  });

  it('refuses a text file in the same words whether it is opened as the database or inspected as a backup', async () => {
    const file = path.join(dir, 'notes.db');
    fs.writeFileSync(file, 'this is not a database, only text long enough to fill a header '.repeat(4));
    await expect(openDatabase(file, { create: false })).rejects.toThrow(/không phải là cơ sở dữ liệu của tasks/);
    expect(() => inspectDatabaseFile(file)).toThrow(/không phải là cơ sở dữ liệu của tasks/);
    let caught: unknown;
    try {
      new Sqlite(file).prepare('select 1 from sqlite_master').get();
    } catch (error) {
      caught = error;
    }
    expect(isNotADatabase(caught)).toBe(true);
    expect(isNotADatabase(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }))).toBe(false);
  });
});
