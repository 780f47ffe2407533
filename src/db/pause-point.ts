/**
 * A test hook for crash safety: with TASKS_TEST_PAUSE_AT=<name> the process stops at the point
 * of that name, inside its write transaction, says so on stderr and waits, so a test can kill it
 * there with SIGKILL and prove the database is still whole. Without the variable it costs one
 * comparison.
 */
let pauseAt: { name: string; say(line: string): void } | null = null;

/** Set by the CLI for one run from its environment and stderr (cli/main.ts); null, no pause. */
export function setPausePoint(value: typeof pauseAt): void {
  pauseAt = value;
}

export async function pausePoint(name: string): Promise<void> {
  if (pauseAt?.name !== name) return;
  pauseAt.say(`tasks: paused at ${name}\n`);
  await new Promise((resolve) => setTimeout(resolve, 60_000));
}
