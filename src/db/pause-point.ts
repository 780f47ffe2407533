/**
 * A test hook for crash safety: with TASKS_TEST_PAUSE_AT=<name> the process stops at the point
 * of that name, inside its write transaction, says so on stderr and waits, so a test can kill it
 * there with SIGKILL and prove the database is still whole. Without the variable it costs one
 * environment lookup.
 */
export async function pausePoint(name: string): Promise<void> {
  if (process.env.TASKS_TEST_PAUSE_AT !== name) return;
  process.stderr.write(`tasks: paused at ${name}\n`);
  await new Promise((resolve) => setTimeout(resolve, 60_000));
}
