#!/usr/bin/env node
// Starts dist/cli.cjs from V8's cache of its compiled code when there is one (bin/code-cache.cjs):
// compiling the bundle is most of a command's start-up, and Node 20 caches compiled code only for
// scripts run this way. Without a usable cache it compiles as usual and leaves a fresh cache behind
// at exit if it may write beside the bundle.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist');

// `tasks --version` and nothing else: the answer the build wrote down (dist/version.txt, from
// package.json), without reading the bundle at all. Anything else, or no such file, goes the
// ordinary way.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  let version = null;
  try {
    version = fs.readFileSync(path.join(dist, 'version.txt'), 'utf8');
  } catch {
    version = null;
  }
  if (version) {
    process.stdout.write(version);
    return;
  }
}

function notBuilt() {
  process.stderr.write('lỗi: chưa dựng chương trình, hoặc bản dựng đã cũ (chạy "npm run build" trong thư mục của tasks)\n');
  process.exitCode = 70;
}

const { requireWithCodeCache } = require('./code-cache.cjs');
let loaded;
try {
  loaded = requireWithCodeCache(path.join(dist, 'cli.cjs'), { refresh: process.env.TASKS_CODE_CACHE === 'write' });
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
  loaded = null;
}
if (loaded === null || typeof loaded.exports.start !== 'function') {
  notBuilt();
} else {
  if (loaded.stale) {
    // At exit, so the cache holds every function this run compiled; through the bundle's own atomic
    // write (exclusive temporary name, fsync, rename).
    process.once('exit', () => loaded.saveCache((file, data) => loaded.exports.writeFileAtomic(file, data, { mode: 0o644 })));
  }
  loaded.exports.start();
}
