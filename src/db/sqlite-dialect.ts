/**
 * kysely's SQLite dialect with two changes the tracker needs: write transactions begin
 * IMMEDIATE (a plain BEGIN lets two writers each take a read lock and then deadlock into
 * SQLITE_BUSY instead of waiting out the busy timeout), and migrations run in a transaction
 * (SQLite supports transactional DDL, so a killed migration leaves the old schema intact).
 * A lock still held when the busy timeout runs out reaches the user as one line, not as
 * SQLite's "database is locked".
 */
import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect as KyselyDialect,
  type Kysely,
} from 'kysely';
import { translateSqliteError } from './sqlite-errors.js';

class ImmediateSqliteDriver extends SqliteDriver {
  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    return {
      async executeQuery(query) {
        try {
          return await connection.executeQuery(query);
        } catch (error) {
          throw translateSqliteError(error);
        }
      },
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export function sqliteDialect(database: BetterSqlite3.Database): KyselyDialect {
  return {
    createAdapter: () => new TransactionalSqliteAdapter(),
    createDriver: () => new ImmediateSqliteDriver({ database }),
    createIntrospector: (db: Kysely<any>) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}
