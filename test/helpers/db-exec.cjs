// Runs SQL against a test database, SQLite file or PostgreSQL URL, for tests that must reach past
// the CLI (making a database, proving a refused command wrote nothing, planting a bad row).
//
//   node db-exec.cjs LOCATION '{"sql": "...", "params": [...]}'   → the rows as JSON
//   node db-exec.cjs LOCATION snapshot                              → every table's rows
//   node db-exec.cjs ADMIN_URL create NAME | drop NAME             → a database on the server
// Placeholders are written "?" for both databases.
const location = process.argv[2];
const what = process.argv[3];
const isPg = /^postgres(ql)?:\/\//i.test(location);

function toPg(sql) {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

async function pg(run) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: location });
  await client.connect();
  try {
    return await run((sql, params = []) => client.query(toPg(sql), params).then((r) => r.rows));
  } finally {
    await client.end();
  }
}

async function sqlite(run) {
  const Sqlite = require('better-sqlite3');
  const db = new Sqlite(location);
  try {
    return await run(async (sql, params = []) => {
      const statement = db.prepare(sql);
      return statement.reader ? statement.all(...params) : (statement.run(...params), []);
    });
  } finally {
    db.close();
  }
}

async function main() {
  const open = isPg ? pg : sqlite;
  if (what === 'create' || what === 'drop') {
    const name = process.argv[4];
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
    await pg((q) => q(what === 'create' ? `create database ${name}` : `drop database if exists ${name} with (force)`));
    return;
  }
  if (what === 'snapshot') {
    const out = await open(async (q) => {
      const tables = isPg
        ? await q("select table_name as name from information_schema.tables where table_schema = current_schema() and table_name not like 'kysely_%' order by 1")
        : await q("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by 1");
      const dump = {};
      for (const { name } of tables) dump[name] = (await q(`select * from ${name}`)).map((r) => JSON.stringify(r)).sort();
      return dump;
    });
    process.stdout.write(JSON.stringify(out));
    return;
  }
  const { sql, params } = JSON.parse(what);
  const rows = await open((q) => q(sql, params));
  process.stdout.write(JSON.stringify(rows));
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
