/** Data goes to stdout, messages to stderr. */
import { toJson } from '../report/task-json.js';
import { io } from './io.js';

export function printData(text: string): void {
  io().stdout.write(text);
}

export function printJson(value: unknown): void {
  io().stdout.write(toJson(value));
}

export function say(message: string): void {
  io().stderr.write(`${message}\n`);
}
