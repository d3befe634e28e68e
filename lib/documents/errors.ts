export type DocumentErrorCode =
  | "UNSUPPORTED_FORMAT" // not a format Keypoint reads (an image, a zip, an old .doc)
  | "FORMAT_MISMATCH" // the name says one format, the bytes another
  | "TOO_LARGE" // the file, its text or its expanded archive is over a limit
  | "DAMAGED" // a PDF or .docx that cannot be parsed
  | "PASSWORD" // a PDF locked with a password
  | "NO_TEXT" // an image-only PDF, or a page with no readable content
  | "EMPTY"
  | "NOT_TEXT"; // a .txt or .md that is binary

/** A file Keypoint cannot read; `message` is one sentence a user can read. */
export class DocumentError extends Error {
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "DocumentError";
  }
}

/** "1.4 MB", "20 MB", "2.9 GB". */
export function describeSize(bytes: number): string {
  const [value, unit] = bytes >= 1024 ** 3 ? [bytes / 1024 ** 3, "GB"] : [bytes / 1024 ** 2, "MB"];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}
