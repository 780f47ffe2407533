// Bundles the CLI into dist/cli.cjs, then warms a V8 code cache for it (see bin/tasks.js).
//
// Why CommonJS and one file: Node 20 can cache compiled code only for scripts, not for ES
// modules, and compiling the bundle is most of what every command costs before it does any
// work. The libraries that only some commands need (DOCX, XLSX, PDF and Word readers, e-mail,
// prompts, PostgreSQL) stay outside the bundle and are required when those commands run.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What every start needs; every other dependency is required on demand from node_modules.
 * better-sqlite3's JavaScript (not its compiled addon, which src/db/sqlite-file.ts names by path)
 * is in the bundle so that it comes from the code cache: required from node_modules, its ten
 * files cost every SQLite command about 11 % of its instructions (27 of 250 million for `tasks
 * due` on 1 000 tasks, counted with valgrind).
 */
const BUNDLED = new Set(['commander', 'kysely', 'chalk', 'cli-table3', 'better-sqlite3']);
const { dependencies, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const external = Object.keys(dependencies).filter((name) => !BUNDLED.has(name));

/**
 * commander requires node:child_process as it loads, for stand-alone executable subcommands,
 * which tasks does not have; that require drags in net, dgram and the socket wrappers on every
 * start. commander gets a stand-in that loads the real module only if it ever spawns.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child-process-on-demand', namespace: 'tasks-stub' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'tasks-stub' }, () => ({
      contents: "let real;\nmodule.exports = { spawn: (...args) => (real ??= require('node:child_process')).spawn(...args) };\n",
      loader: 'js',
    }));
  },
};

rmSync(path.join(root, 'dist'), { recursive: true, force: true });

/**
 * esbuild escapes non-ASCII characters in strings but leaves them in regular expression literals
 * and String.raw templates (the importer's Vietnamese patterns). One such character makes V8 hold
 * the whole bundle as a two-byte string, decoded from UTF-8 on every start: 4-5 % of `tasks due`'s
 * instructions. Each becomes a \uXXXX escape, which means the same character in a string, a
 * template, a regular expression (with or without the u flag, in a class or not) and in the RegExp
 * sources the String.raw templates build. The linked source map's columns are shifted to match.
 */
function asciiOnly(file) {
  const code = readFileSync(file, 'utf8');
  if (/\\[^\x00-\x7f]/.test(code)) throw new Error(`build: ${file} escapes a non-ASCII character with a backslash; review asciiOnly`);
  if (/[\ud800-\udfff]/.test(code)) throw new Error(`build: ${file} holds a character outside the BMP; review asciiOnly`);
  const lines = code.split('\n');
  const escapedAt = lines.map((line) => [...line.matchAll(/[^\x00-\x7f]/g)].map((m) => m.index));
  const escape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  writeFileSync(file, lines.map((line) => line.replace(/[^\x00-\x7f]/g, escape)).join('\n'));
  const mapFile = `${file}.map`;
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  map.mappings = map.mappings
    .split(';')
    .map((segments, i) => (escapedAt[i]?.length && segments ? shiftColumns(segments, escapedAt[i]) : segments))
    .join(';');
  writeFileSync(mapFile, JSON.stringify(map));
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * One generated line's mappings with each segment's column moved 5 to the right for every escaped
 * character before it (one character became six). A segment's first field is its column, as a
 * base-64 VLQ relative to the previous segment's; the other fields are kept as they are.
 */
function shiftColumns(segments, escapedAt) {
  let column = 0;
  let written = 0;
  return segments
    .split(',')
    .map((segment) => {
      let value = 0;
      let length = 0;
      for (let shift = 0, more = true; more; shift += 5) {
        const digit = BASE64.indexOf(segment[length++]);
        value += (digit & 31) * 2 ** shift;
        more = (digit & 32) !== 0;
      }
      column += value % 2 ? -Math.floor(value / 2) : value / 2;
      const moved = column + 5 * escapedAt.filter((at) => at < column).length;
      let rest = moved - written < 0 ? (written - moved) * 2 + 1 : (moved - written) * 2;
      written = moved;
      let field = '';
      do {
        const digit = rest % 32;
        rest = Math.floor(rest / 32);
        field += BASE64[digit + (rest > 0 ? 32 : 0)];
      } while (rest > 0);
      return field + segment.slice(length);
    })
    .join(',');
}

/** How tasks's own code is bundled: the CLI, and the web server beside it. */
const ownCode = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  // import() of a library becomes require(): every library named above ships a CommonJS build,
  // and a script compiled from a code cache has no loader for import().
  supported: { 'dynamic-import': false },
  // The version `tasks --version` prints is package.json's.
  define: { 'import.meta.url': '__tasksModuleUrl', __TASKS_VERSION__: JSON.stringify(version) },
  banner: { js: "const __tasksModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  minify: !process.env.TASKS_BUILD_READABLE,
  keepNames: true,
  sourcemap: 'linked',
  logLevel: 'warning',
};

await build({ ...ownCode, entryPoints: [path.join(root, 'src/cli/entry.ts')], outfile: path.join(root, 'dist/cli.cjs'), plugins: [lazyChildProcess] });

// `tasks serve` (src/web/): a bundle of its own, required only by that command, so the server,
// its pages and its libraries (fastify and plugins, left in node_modules) never weigh on a start.
await build({ ...ownCode, entryPoints: [path.join(root, 'src/web/server.ts')], outfile: path.join(root, 'dist/web.cjs') });

asciiOnly(path.join(root, 'dist/cli.cjs'));
asciiOnly(path.join(root, 'dist/web.cjs'));

/**
 * pg asks whether it runs in a Cloudflare Worker by constructing a fetch `Response`, which makes
 * Node load its whole fetch implementation (undici, ~15 ms) on every connection. tasks runs on
 * Node only: the question gets its answer at build time.
 */
const notCloudflare = {
  name: 'not-cloudflare',
  setup(build) {
    build.onLoad({ filter: /[\\/]pg[\\/]lib[\\/]stream\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const patched = source.replace(/function isCloudflareRuntime\(\) \{/, 'function isCloudflareRuntime() {\n  return false');
      if (patched === source) throw new Error('build: pg/lib/stream.js changed; review the not-cloudflare plugin');
      return { contents: patched, loader: 'js' };
    });
  },
};

// The PostgreSQL client, bundled on its own: loaded (with its own code cache, see
// src/db/code-cache.ts) only by commands on a postgres:// database, never by SQLite users.
await build({
  stdin: { contents: "module.exports = require('pg');", resolveDir: root, sourcefile: 'pg-entry.cjs', loader: 'js' },
  outfile: path.join(root, 'dist/pg.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // pg-native and the Cloudflare socket are required only when asked for; neither is used here.
  external: ['pg-native', 'pg-cloudflare'],
  plugins: [notCloudflare],
  minify: !process.env.TASKS_BUILD_READABLE,
  keepNames: true,
  logLevel: 'warning',
});

// What `tasks --version` prints (package.json's version, as the bundle has it), for bin/tasks.js to
// answer that one question without loading the bundle.
if (!/^\S+$/.test(version)) throw new Error(`build: package.json's version "${version}" is not one word`);
writeFileSync(path.join(root, 'dist/version.txt'), `${version}\n`);

// One run of the daily view on a scratch database compiles what a typical command needs; the
// loader saves that compiled code beside the bundle for every later start.
const scratch = mkdtempSync(path.join(os.tmpdir(), 'tasks-build-'));
try {
  const run = (...args) =>
    spawnSync(process.execPath, [path.join(root, 'bin/tasks.js'), '--db', path.join(scratch, 'warm.db'), '--today', '2026-11-20', ...args], {
      env: { ...process.env, TASKS_CODE_CACHE: 'write', NO_COLOR: '1' },
      encoding: 'utf8',
    });
  run('unit', 'add', 'VP', 'Văn phòng Sở');
  run('add', 'Nhiệm vụ mẫu', '--unit', 'VP', '--due', '2026-11-25');
  const warm = run('due');
  if (warm.status !== 0) console.warn(`build: the code cache was not warmed (${warm.stderr.trim().split('\n')[0]})`);
  // The PostgreSQL client's cache: load it through the same loader (bin/code-cache.cjs) and build a pool and a
  // client without connecting, which compiles what every connection needs first.
  const pgWarm = spawnSync(
    process.execPath,
    [
      '-e',
      `const { requireWithCodeCache } = require(${JSON.stringify(path.join(root, 'bin/code-cache.cjs'))});
       const loaded = requireWithCodeCache(${JSON.stringify(path.join(root, 'dist/pg.cjs'))}, { refresh: true });
       const pool = new loaded.exports.Pool({ connectionString: 'postgres://tasks@127.0.0.1:1/tasks', max: 1 });
       new loaded.exports.Client({ connectionString: 'postgres://tasks@127.0.0.1:1/tasks' });
       pool.end();
       loaded.saveCache(require('fs').writeFileSync);`,
    ],
    { encoding: 'utf8' },
  );
  if (pgWarm.status !== 0) console.warn(`build: the PostgreSQL client's code cache was not warmed (${pgWarm.stderr.trim().split('\n')[0]})`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
