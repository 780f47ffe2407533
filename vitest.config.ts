import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: everything on SQLite, and the repository and end-to-end suites again on
 * PostgreSQL when TASKS_TEST_PG_URL names a server (scripts/test-postgres.sh starts one). Each
 * PostgreSQL test makes its own database there, named with this run's prefix.
 */
const pgUrl = process.env.TASKS_TEST_PG_URL ?? '';
const prefix = `tasks_t${Date.now().toString(36)}${process.pid}`;

const SKIPPED = 'PostgreSQL tests SKIPPED: TASKS_TEST_PG_URL is not set (run "npm run test:pg" to start a throwaway server and include them).';
if (!pgUrl) process.stderr.write(`\n${SKIPPED}\n\n`);

/** Says it again under the summary, where people look. */
const skippedNotice = {
  onTestRunEnd() {
    if (!pgUrl) process.stderr.write(`\n${SKIPPED}\n`);
  },
};

/** As the build writes it into the bundle (scripts/build.mjs), for tests that import src/ directly. */
const define = { __TASKS_VERSION__: JSON.stringify(JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version) };

const common = {
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    // Most of an end-to-end test's time is spent waiting on another process (the CLI runner, a
    // spawned command, the SMTP server): one worker more than the cores keeps both busy. vitest's
    // default, one less than the cores, ran the suite on a single worker on 2-core machines
    // (2 min 52 s there; 1 min 44 s with 3 workers).
    maxWorkers: availableParallelism() + 1,
    // Builds dist/ when it is missing or older than the code (the e2e tests run the bundle).
    globalSetup: ['test/helpers/global-setup.ts'],
    // The JSON report is what .ci/run reads to print "N passed, N failed".
    reporters: ['default', ['json', { outputFile: 'test-results.json' }], skippedNotice],
    projects: [
      {
        define,
        test: {
          ...common,
          name: 'sqlite',
          include: ['test/**/*.test.ts'],
          exclude: ['test/bench/**', 'node_modules/**'],
          env: { TASKS_TEST_BACKEND: 'sqlite' },
        },
      },
      ...(pgUrl
        ? [
            {
              define,
              test: {
                ...common,
                name: 'postgres',
                // The suites that touch a database; the pure ones need not run twice.
                include: ['test/db/**/*.test.ts', 'test/app/**/*.test.ts', 'test/remind/reminder-repository.test.ts', 'test/e2e/**/*.test.ts', 'test/pg/**/*.test.ts', 'test/web/**/*.test.ts'],
                // startup.test.ts is about what a SQLite command loads; prompts drive a terminal, not a
                // database. Backup, restore, crash safety (killing a process mid-write and checking
                // the file) and concurrency.test.ts (SQLite's file locks and busy timeout) are about
                // the SQLite file; many-people.test.ts is the shared-database concurrency test.
                exclude: [
                  'test/bench/**',
                  'node_modules/**',
                  'test/e2e/startup.test.ts',
                  'test/e2e/prompts.test.ts',
                  'test/e2e/backup-restore.test.ts',
                  'test/e2e/restore-prompt.test.ts',
                  'test/e2e/crash-safety.test.ts',
                  'test/e2e/concurrency.test.ts',
                ],
                env: { TASKS_TEST_BACKEND: 'postgres', TASKS_TEST_PG_URL: pgUrl, TASKS_TEST_PG_PREFIX: prefix },
              },
            },
          ]
        : []),
    ],
  },
});
