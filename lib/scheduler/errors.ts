/**
 * A scheduler error a route can turn into `{ error: { code, message } }`.
 * The message is written for a person, the code for a program.
 */
export type SchedulerErrorCode =
  | "INVALID_RATING"
  | "INVALID_MEMORY"
  | "INVALID_SETTINGS"
  | "INVALID_TIME_ZONE"
  | "INVALID_INPUT";

export class SchedulerError extends Error {
  readonly code: SchedulerErrorCode;

  constructor(code: SchedulerErrorCode, message: string) {
    super(message);
    this.name = "SchedulerError";
    this.code = code;
  }
}

export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
