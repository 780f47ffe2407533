import { io } from './io.js';

/** Prompts only where a person is there to answer: never in cron jobs, pipes or CI. */
export function canPrompt(): boolean {
  const { stdin, stderr, env } = io();
  return stdin.isTTY === true && stderr.isTTY === true && !env.CI;
}
