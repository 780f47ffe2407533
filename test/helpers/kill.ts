/**
 * Crash tests: runs bin/tasks.js with TASKS_TEST_PAUSE_AT so it stops at a named point inside its
 * write transaction, then kills it with SIGKILL; or kills it after the n-th statement. The database
 * is then read directly with better-sqlite3, as the next process would find it.
 */
import Sqlite from 'better-sqlite3';
import type { Workspace } from './cli.js';
import { query } from './backend.js';
import { spawnCli } from './spawn-cli.js';

/** Runs the command until it reports the pause point, kills it there, and resolves with the signal. */
export function killAt(ws: Workspace, point: string, args: string[]): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(ws, args, { TASKS_TEST_PAUSE_AT: point });
    let stderr = '';
    let killed = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (!killed && stderr.includes(`paused at ${point}`)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (!killed) reject(new Error(`tasks ${args.join(' ')} never reached ${point} (exit ${code}): ${stderr}`));
      else resolve(signal);
    });
  });
}

/**
 * Runs the command with TASKS_DEBUG_SQL=1, which logs each statement on stderr as it completes,
 * and kills it once `enough` says the log has gone far enough: a kill at an arbitrary statement
 * inside the transaction, with no hook in the code. Resolves with its exit code or signal.
 */
export function killWhen(ws: Workspace, args: string[], enough: (log: string) => boolean): Promise<number | NodeJS.Signals> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(ws, args, { TASKS_DEBUG_SQL: '1' });
    let log = '';
    let killed = false;
    child.stdout.resume();
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      log += d;
      if (!killed && enough(log)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(signal ?? code ?? -1));
  });
}

/** Reads the database as the next process would find it. */
export function inspect<T>(file: string, read: (db: Sqlite.Database) => T): T {
  const db = new Sqlite(file);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function integrity(file: string): string {
  return inspect(file, (db) => (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join(','));
}

export function count(file: string, table: string, where = '1 = 1'): number {
  // A PostgreSQL test database (the postgres project) is counted through the shared helper.
  if (/^postgres(ql)?:\/\//.test(file)) return Number(query<{ n: number | string }>(file, `select count(*) as n from ${table} where ${where}`)[0].n);
  return inspect(file, (db) => (db.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n);
}

/** The newest migration this version has: taking it away makes the file look like the previous release's. */
export const NEWEST_MIGRATION = '2026-12-03-web-logins';

/**
 * The previous release: before the people and extension-request tables (and the PostgreSQL-only
 * index), the audit chain, withdrawn directives, the open-task indexes and the web page's sign-in tables.
 */
export function asPreviousRelease(file: string): void {
  inspect(file, (db) => {
    db.exec(
      "drop table web_session; drop table login_token; drop index person_email; drop index task_open_daily; drop index task_extended; drop index task_open_lines; drop trigger audit_event_no_replace; alter table audit_event drop column hash; alter table reminder drop column message_id; alter table reminder drop column claimed_by; drop table extension_request; drop table person; alter table directive drop column withdrawn_on; delete from kysely_migration where name in ('2026-11-27-people', '2026-11-27-postgres-due-view', '2026-12-03-audit-chain', '2026-12-03-logins', '2026-12-03-reminder-attempt', '2026-12-03-directive-withdrawn', '2026-12-03-open-task-index', '2026-12-03-speed-open-task-lines', '2026-12-03-web-logins')",
    );
  });
}
