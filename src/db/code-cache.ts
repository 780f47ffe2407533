/**
 * dist/pg.cjs, the PostgreSQL client, through V8's cache of its compiled code (the loader of
 * bin/code-cache.cjs, shared with bin/tasks.js and the build), so a command on a shared database
 * does not compile `pg` from scratch at every start. Whether and when a stale cache is rewritten
 * is the shell's to say (cli/entry.ts: at the process's exit); without a say, never.
 */
// @ts-expect-error: plain CommonJS shared with bin/, bundled by esbuild.
import { requireWithCodeCache as load } from '../../bin/code-cache.cjs';
import { writeFileAtomic } from '../io/atomic-file.js';

type Loaded<T> = { exports: T; stale: boolean; saveCache(write: (file: string, data: Buffer) => void): void };

let policy: { refresh: boolean; atExit(work: () => void): void } | null = null;

export function setCodeCachePolicy(value: typeof policy): void {
  policy = value;
}

export function requireWithCodeCache<T>(file: string): T {
  const loaded = (load as (file: string, options: { refresh: boolean }) => Loaded<T>)(file, { refresh: policy?.refresh ?? false });
  if (loaded.stale && policy) policy.atExit(() => loaded.saveCache((cacheFile, data) => writeFileAtomic(cacheFile, data, { mode: 0o644 })));
  return loaded.exports;
}
