export type GeneratorErrorCode = "EMPTY" | "BINARY" | "NO_SENTENCES" | "TOO_LARGE";

/** Thrown for input the generator cannot use; `message` is one line a user can read. */
export class GeneratorError extends Error {
  readonly code: GeneratorErrorCode;

  constructor(code: GeneratorErrorCode, message: string) {
    super(message);
    this.name = "GeneratorError";
    this.code = code;
  }
}

/** 5 MB, measured in UTF-8 bytes. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
