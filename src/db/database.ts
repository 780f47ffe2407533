/**
 * What an open database is, whichever engine holds it: the kysely instance and how it was
 * opened. Types and one name only, so every repository can name `Db` without loading the code
 * that opens it.
 */
import type { Kysely, LogEvent } from 'kysely';
import type { Dialect } from './dialect.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

/** The table kysely's migrator records applied migrations in. */
export const MIGRATIONS_TABLE = 'kysely_migration';

/** How long a command waits for another one's write when nothing else is said (TASKS_BUSY_TIMEOUT_MS). */
export const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** Create the file when it does not exist (commands that write, and the default location). */
  create: boolean;
  /** A command that only reads: an empty file or database is refused, never given tables. */
  mustHoldData?: boolean;
  /** SQLite: how long to wait for another process's write lock; DEFAULT_BUSY_TIMEOUT_MS when absent. */
  busyTimeoutMs?: number;
  /** Called with each statement and its time (TASKS_DEBUG_SQL, set by cli/). */
  log?: (event: LogEvent) => void;
}

export interface OpenedDatabase {
  db: Db;
  /** Where it is, fit to print: a URL without its password. */
  location: string;
  dialect: Dialect;
  /** Where a copy was taken before a pending schema migration, or null: cli/ tells the user. */
  backedUpTo: string | null;
  close(): Promise<void>;
}
