#!/usr/bin/env node
// Starts dist/cli.cjs from V8's cache of its compiled code when there is one: compiling the
// bundle is most of a command's start-up, and Node 20 caches compiled code only for scripts
// run this way. Without a usable cache (first run, another Node version) it compiles as usual
// and leaves a fresh cache behind if it may write beside the bundle.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');
const vm = require('node:vm');

// `tasks --version` and nothing else: the answer the build wrote down (dist/version.txt, from
// the bundle's own --version), without reading the bundle at all. Anything else, or no such file,
// goes the ordinary way.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  let version = null;
  try {
    version = fs.readFileSync(path.join(__dirname, '..', 'dist', 'version.txt'), 'utf8');
  } catch {
    version = null;
  }
  if (version) {
    process.stdout.write(version);
    return;
  }
}

const file = path.join(__dirname, '..', 'dist', 'cli.cjs');
const cacheFile = `${file}.cache`;
const source = fs.readFileSync(file, 'utf8');
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
const module_ = { exports: {} };
if (cachedData === undefined || script.cachedDataRejected || process.env.TASKS_CODE_CACHE === 'write') {
  // At exit, so the cache holds every function this run compiled, not only the top level; through
  // the bundle's own atomic write (exclusive temporary name, fsync, rename).
  process.once('exit', () => {
    try {
      module_.exports.writeFileAtomic(cacheFile, script.createCachedData(), { mode: 0o644 });
    } catch {
      // A folder we may not write to: the next run compiles again.
    }
  });
}
script.runInThisContext()(module_.exports, createRequire(file), module_, file, path.dirname(file));
