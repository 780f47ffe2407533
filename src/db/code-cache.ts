/**
 * Requires a bundled CommonJS file through V8's cache of its compiled code, as bin/tasks.js does
 * for the CLI itself (Node 20 caches compiled code only for scripts run this way). Used for
 * dist/pg.cjs, the PostgreSQL client, so a command on a shared database does not compile `pg`
 * from scratch at every start. The cache is written beside the file at exit when there is none
 * (or it was made by another Node version) and the folder is writable.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { writeFileAtomic } from '../io/atomic-file.js';

export function requireWithCodeCache<T>(file: string): T {
  const cacheFile = `${file}.cache`;
  const source = fs.readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected || process.env.TASKS_CODE_CACHE === 'write') {
    process.once('exit', () => {
      try {
        writeFileAtomic(cacheFile, script.createCachedData(), { mode: 0o644 });
      } catch {
        // A folder we may not write to: the next run compiles again.
      }
    });
  }
  const module_ = { exports: {} as T };
  script.runInThisContext()(module_.exports, createRequire(file), module_, file, path.dirname(file));
  return module_.exports;
}
