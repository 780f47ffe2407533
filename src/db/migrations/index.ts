/**
 * Every migration, listed in code so the bundled CLI carries them. Names sort in the order they
 * run; a migration once released is never edited.
 */
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect.js';
import * as core from './2026-11-22-core.js';
import * as settings from './2026-11-22-settings.js';
import * as speed from './2026-11-22-speed.js';
import * as taskAssignedIndex from './2026-11-22-task-assigned-index.js';
import * as importing from './2026-11-23-import.js';
import * as reminders from './2026-11-24-reminders.js';
import * as auditAppendOnly from './2026-11-27-audit-append-only.js';
import * as people from './2026-11-27-people.js';
import * as postgresDueView from './2026-11-27-postgres-due-view.js';
import * as directiveWithdrawn from './2026-12-03-directive-withdrawn.js';
import * as auditChain from './2026-12-03-audit-chain.js';
import * as logins from './2026-12-03-logins.js';
import * as reminderAttempt from './2026-12-03-reminder-attempt.js';
import * as openTaskIndex from './2026-12-03-open-task-index.js';
import * as openTaskLines from './2026-12-03-speed-open-task-lines.js';
import * as webLogins from './2026-12-03-web-logins.js';

export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '2026-11-22-core': { up: (db: Kysely<any>) => core.up(db, dialect) },
    '2026-11-22-settings': { up: (db: Kysely<any>) => settings.up(db) },
    '2026-11-22-speed': { up: (db: Kysely<any>) => speed.up(db) },
    '2026-11-22-task-assigned-index': { up: (db: Kysely<any>) => taskAssignedIndex.up(db) },
    '2026-11-23-import': { up: (db: Kysely<any>) => importing.up(db, dialect) },
    '2026-11-24-reminders': { up: (db: Kysely<any>) => reminders.up(db, dialect) },
    '2026-11-27-audit-append-only': { up: (db: Kysely<any>) => auditAppendOnly.up(db, dialect) },
    '2026-11-27-people': { up: (db: Kysely<any>) => people.up(db, dialect) },
    '2026-11-27-postgres-due-view': { up: (db: Kysely<any>) => postgresDueView.up(db, dialect) },
    '2026-12-03-directive-withdrawn': { up: (db: Kysely<any>) => directiveWithdrawn.up(db) },
    '2026-12-03-audit-chain': { up: (db: Kysely<any>) => auditChain.up(db, dialect) },
    '2026-12-03-logins': { up: (db: Kysely<any>) => logins.up(db) },
    '2026-12-03-reminder-attempt': { up: (db: Kysely<any>) => reminderAttempt.up(db) },
    '2026-12-03-open-task-index': { up: (db: Kysely<any>) => openTaskIndex.up(db) },
    '2026-12-03-speed-open-task-lines': { up: (db: Kysely<any>) => openTaskLines.up(db, dialect) },
    '2026-12-03-web-logins': { up: (db: Kysely<any>) => webLogins.up(db, dialect) },
  };
}
