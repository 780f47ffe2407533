// Preloaded with --require: at exit, writes the packages this process loaded from node_modules,
// one per line, to the file named by TASKS_TEST_LOADED.
'use strict';
const fs = require('node:fs');

process.on('exit', () => {
  const names = new Set();
  for (const file of Object.keys(require.cache)) {
    const match = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
    if (match) names.add(match[1].replace(/\\/g, '/'));
  }
  fs.writeFileSync(process.env.TASKS_TEST_LOADED, [...names].sort().join('\n'));
});
