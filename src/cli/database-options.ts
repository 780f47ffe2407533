/**
 * What the environment says about opening the database, read here (db/ reads no environment),
 * and what cli/ says about what opening it did.
 */
import type { LogEvent } from 'kysely';
import { DEFAULT_BUSY_TIMEOUT_MS, type OpenedDatabase } from '../db/database.js';
import type { Lang } from '../report/labels.js';

/** TASKS_BUSY_TIMEOUT_MS: how long a command waits for another one's write (default 10 s). */
export function busyTimeoutOf(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.TASKS_BUSY_TIMEOUT_MS);
  return Number.isSafeInteger(ms) && ms >= 0 ? ms : DEFAULT_BUSY_TIMEOUT_MS;
}

/** The busy timeout, and TASKS_DEBUG_SQL=1: each statement and its time on stderr, for finding what a command waits on. */
export function databaseOptions(env: NodeJS.ProcessEnv = process.env, stderr: NodeJS.WritableStream = process.stderr): { busyTimeoutMs: number; log?: (event: LogEvent) => void } {
  const log = env.TASKS_DEBUG_SQL ? (event: LogEvent) => void stderr.write(`${event.queryDurationMillis.toFixed(1)} ms\t${event.query.sql}\n`) : undefined;
  return { busyTimeoutMs: busyTimeoutOf(env), log };
}

/** Says where the copy taken before a schema migration went, if one was taken. */
export function tellBackup(opened: OpenedDatabase, lang: Lang, stderr: NodeJS.WritableStream = process.stderr): void {
  if (!opened.backedUpTo) return;
  stderr.write(lang === 'en' ? `Backed the database up before updating its schema: ${opened.backedUpTo}\n` : `Đã sao lưu cơ sở dữ liệu trước khi cập nhật lược đồ: ${opened.backedUpTo}\n`);
}
