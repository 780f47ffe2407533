// Preloaded with --require: at exit, writes the packages this process loaded from node_modules,
// one per line, to the file named by TASKS_TEST_LOADED.
'use strict';
const fs = require('node:fs');

// The PostgreSQL client is bundled apart (dist/pg.cjs) and read by src/db/code-cache.ts, not
// required: reading that file counts as loading pg.
const names = new Set();
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (typeof file === 'string' && /[\\/]dist[\\/]pg\.cjs$/.test(file)) names.add('pg');
  return readFileSync.call(this, file, ...rest);
};

process.on('exit', () => {
  for (const file of Object.keys(require.cache)) {
    const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    if (match) names.add(match[1].replace(/\\/g, '/'));
  }
  fs.writeFileSync(process.env.TASKS_TEST_LOADED, [...names].sort().join('\n'));
});
