/**
 * A fresh migrated database for repository tests: in-memory SQLite, or in the postgres project a
 * new database on the test server.
 */
import { openDatabase, type OpenedDatabase } from '../../src/db/connect.js';
import { freshPostgresDatabase, ON_POSTGRES } from './backend.js';

export function openTestDatabase(): Promise<OpenedDatabase> {
  return openDatabase(ON_POSTGRES ? freshPostgresDatabase() : ':memory:', { create: true });
}
