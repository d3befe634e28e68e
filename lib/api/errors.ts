import { Busy, Conflict, Invalid, NotFound, type DomainError } from "../db/runtime/errors";
import type { AnkiPackageErrorCode } from "../anki/errors";
import type { DocumentErrorCode } from "../documents/errors";
import type { GeneratorErrorCode } from "../generator/errors";

/** An error a user can read, with the HTTP status that goes with it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For a form: the message for each input field that is wrong, shown beside it. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const unauthorized = () => new ApiError(401, "UNAUTHENTICATED", "Sign in to continue.");
export const notFound = (what: string) => new ApiError(404, "NOT_FOUND", `${what} not found.`);
export const badRequest = (message: string, code = "BAD_REQUEST") => new ApiError(400, code, message);
export const conflict = (message: string, code = "CONFLICT") => new ApiError(409, code, message);

/** The HTTP status of each kind of domain error lib/db throws. */
export function domainStatus(error: DomainError): number {
  if (error instanceof NotFound) return 404;
  if (error instanceof Conflict) return 409;
  if (error instanceof Invalid) return 400;
  if (error instanceof Busy) return 503;
  return 500;
}

/** Text the generator cannot use: empty, not text, no sentences, too large. */
export const generatorStatus: Record<GeneratorErrorCode, number> = { EMPTY: 400, BINARY: 415, NO_SENTENCES: 422, TOO_LARGE: 413 };

/** A file Keypoint cannot read: not a format it reads, too large, damaged, locked or without text. */
export const documentStatus: Record<DocumentErrorCode, number> = {
  UNSUPPORTED_FORMAT: 415, FORMAT_MISMATCH: 415, NOT_TEXT: 415, TOO_LARGE: 413, DAMAGED: 422, PASSWORD: 422, NO_TEXT: 422, EMPTY: 400,
};

/** An Anki package Keypoint will not import: too large, locked, damaged, not Anki's, from a newer Anki, empty. */
export const ankiPackageStatus: Record<AnkiPackageErrorCode, number> = {
  TOO_LARGE: 413, TOO_LARGE_EXPANDED: 413, ENCRYPTED: 422, DAMAGED: 422, NOT_ANKI: 415, FUTURE_VERSION: 422, EMPTY: 422,
};
