/**
 * Why a package cannot be imported, in one sentence a user can read. Nothing of a package
 * that throws one of these is stored.
 */
export type AnkiPackageErrorCode =
  | "TOO_LARGE"
  | "TOO_LARGE_EXPANDED"
  | "ENCRYPTED"
  | "DAMAGED"
  | "NOT_ANKI"
  | "FUTURE_VERSION"
  | "EMPTY";

export class AnkiPackageError extends Error {
  constructor(
    readonly code: AnkiPackageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AnkiPackageError";
  }
}

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / 1024 / 1024)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
