/** Prompts only where a person is there to answer: never in cron jobs, pipes or CI. */
export function canPrompt(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true && !process.env.CI;
}
