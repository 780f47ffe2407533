// Bundles the CLI into dist/: one entry file plus chunks that commands load when they run,
// so `tasks --version` and `tasks due` do not parse what they do not use.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

/**
 * commander requires node:child_process as it loads, for stand-alone executable subcommands,
 * which tasks does not have; that require drags in net, dgram and the socket wrappers on every
 * start (several ms of `tasks --version`). commander gets a stand-in that loads the real module
 * only if it ever spawns.
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

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli/entry.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['better-sqlite3'],
  minifySyntax: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [lazyChildProcess],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
