/**
 * What went wrong, in the product's words. lib/db throws these and knows nothing of HTTP;
 * lib/api gives each kind its status code. `message` is a sentence a user can read and
 * `code` a stable word a client can test.
 */
import { isDatabaseBusy } from "./transient-errors";

export abstract class DomainError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The thing does not exist, or belongs to someone else: both read the same, so ids leak nothing. */
export class NotFound extends DomainError {
  constructor(what: string) {
    super(`${what} not found.`, "NOT_FOUND");
  }
}

/** The request is well formed but the data's current state refuses it (not due, already finished, …). */
export class Conflict extends DomainError {}

/** Input that only the stored data shows to be wrong (an edit that breaks its card). */
export class Invalid extends DomainError {}

/** The database could not take the write now; nothing was written and trying again may work. */
export class Busy extends DomainError {
  constructor() {
    super("Keypoint is busy right now. Nothing was saved; please try again.", "BUSY");
  }
}

/** The domain error an error stands for: itself, Busy for a lock or serialisation failure, else null. */
export function asDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  return isDatabaseBusy(error) ? new Busy() : null;
}
