/** Data goes to stdout, messages to stderr. */
import { toJson } from '../report/task-json.js';

export function printData(text: string): void {
  process.stdout.write(text);
}

export function printJson(value: unknown): void {
  process.stdout.write(toJson(value));
}

export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}
