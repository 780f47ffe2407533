#!/usr/bin/env node
/**
 * `node test/bench/unextend.mjs DB ID`: undoes the extensions of a task behind the CLI's back,
 * so the next timed `tasks extend ID` does the whole job again. Run before each `extend`
 * measurement, untimed. (The audit entries stay: the audit trail is append-only.)
 */
import Sqlite from 'better-sqlite3';

const [db, id] = process.argv.slice(2);
const handle = new Sqlite(db);
handle.pragma('busy_timeout = 10000');
handle.transaction(() => {
  handle.prepare('delete from extension where task_id = ?').run(Number(id));
  handle.prepare('update task set due_on = original_due_on, last_extended_on = null where id = ?').run(Number(id));
})();
handle.close();
