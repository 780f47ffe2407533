/**
 * What the CLI receives from the world it runs in: streams, environment, clock and terminal facts.
 * bin/tasks.js hands over the real process (entry.ts); the tests hand over buffers, so a command
 * runs in-process exactly as it does from a shell. Only src/cli/ reads it: lower layers get what
 * they need as arguments.
 */
import type { Readable, Writable } from 'node:stream';

export type OutStream = Writable & { isTTY?: boolean; columns?: number };
export type InStream = Readable & { isTTY?: boolean };

export interface IO {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: Record<string, string | undefined>;
  /** The real moment; the "as of" day comes from --today or TASKS_TODAY, else from this. */
  now(): Date;
}

let current: IO | null = null;

/** The streams of the command being run (set by main() for the length of one run). */
export function io(): IO {
  if (!current) throw new Error('tasks: no IO set (the CLI runs through main(argv, io))');
  return current;
}

/** The running command's streams, or null between commands. */
export function currentIo(): IO | null {
  return current;
}

export function setIo(value: IO | null): void {
  current = value;
}
