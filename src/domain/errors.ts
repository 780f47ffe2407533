/**
 * The error classes of the tool. Every message a user can see is given in Vietnamese and in
 * English; `cli/main.ts` picks the language and turns the error's kind into an exit code.
 */

/** What went wrong, as the shell needs to know it: a refusal, bad usage, or the user stopping it. */
export type ErrorKind = 'refused' | 'usage' | 'cancelled';
export interface Text {
  vi: string;
  en: string;
}

export class TasksError extends Error {
  readonly kind: ErrorKind = 'refused';
  constructor(
    readonly text: Text,
    readonly hint?: Text,
  ) {
    super(text.vi);
    this.name = new.target.name;
  }
}

/** A value the user gave that cannot be accepted: a bad date, an unknown unit. */
export class ValidationError extends TasksError {}

/** Something the user named that does not exist: a task id, a unit code. */
export class NotFoundError extends TasksError {}

/** A change that makes no sense in the record's present state: completing a cancelled task. */
export class ConflictError extends TasksError {}

/** The database file cannot be used: not ours, written by a newer version, missing. */
export class DatabaseError extends TasksError {}

/** The acting person's role does not allow the action: nothing was written. */
export class AccessError extends TasksError {}

/** Reminders some recipients did not get: the run finished, the rest was kept, exit 1. */
export class DeliveryError extends TasksError {}

/** Bad command-line usage: an unknown option, a missing argument. */
export class UsageError extends TasksError {
  override readonly kind: ErrorKind = 'usage';
}

/** The user pressed Ctrl+C at a prompt. */
export class CancelledByUser extends TasksError {
  override readonly kind: ErrorKind = 'cancelled';
}

export function t(vi: string, en: string): Text {
  return { vi, en };
}
