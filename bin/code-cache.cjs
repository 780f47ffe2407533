// Requires a bundled CommonJS file through V8's cache of its compiled code (Node 20 caches compiled
// code only for scripts run this way): the one loader of bin/tasks.js (for dist/cli.cjs), of
// src/db/code-cache.ts (for dist/pg.cjs) and of scripts/build.mjs (warming both caches).
//
// Without a usable cache (first run, another Node version), or with `refresh`, it compiles as
// usual and gives back `saveCache()`, which writes the compiled code (every function compiled by
// then, not only the top level) beside the file through `write`; the caller decides when.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');
const vm = require('node:vm');

/** @returns {{ exports: any, stale: boolean, saveCache(write: (file: string, data: Buffer) => void): void }} */
function requireWithCodeCache(file, { refresh = false } = {}) {
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
  script.runInThisContext()(module_.exports, createRequire(file), module_, file, path.dirname(file));
  return {
    exports: module_.exports,
    stale: refresh || cachedData === undefined || script.cachedDataRejected === true,
    saveCache(write) {
      try {
        write(cacheFile, script.createCachedData());
      } catch {
        // A folder we may not write to: the next run compiles again.
      }
    },
  };
}

module.exports = { requireWithCodeCache };
