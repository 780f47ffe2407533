#!/usr/bin/env node
/**
 * `node test/bench/reopen.mjs DB ID`: undoes a completion behind the CLI's back, so the next
 * timed `tasks done ID` does the whole job again. Run before each `done` measurement, untimed.
 */
import Sqlite from 'better-sqlite3';

const [db, id] = process.argv.slice(2);
const handle = new Sqlite(db);
handle.pragma('busy_timeout = 10000');
handle.prepare('update task set completed_on = null, evidence = null, completion_note = null where id = ?').run(Number(id));
handle.close();
