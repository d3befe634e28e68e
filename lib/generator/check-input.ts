/** Rejects input the generator cannot use, with one readable line: empty, binary, too large. */
import { GeneratorError, MAX_DOCUMENT_BYTES } from "./errors";

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { bytes += 4; i++; }
    else bytes += 3;
  }
  return bytes;
}

/** Share of characters that only appear in binary data (NUL, other control codes, U+FFFD). */
function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) odd++;
  }
  return odd > Math.max(2, sample.length * 0.01);
}

export function checkText(text: string): void {
  if (text.length > MAX_DOCUMENT_BYTES || (text.length * 3 > MAX_DOCUMENT_BYTES && utf8Length(text) > MAX_DOCUMENT_BYTES)) {
    throw new GeneratorError("TOO_LARGE", `The document is ${megabytes(utf8Length(text))} MB; the limit is ${megabytes(MAX_DOCUMENT_BYTES)} MB.`);
  }
  if (looksBinary(text)) throw new GeneratorError("BINARY", "The file is binary, not text: upload a .txt or .md document.");
  if (text.trim() === "") throw new GeneratorError("EMPTY", "The document is empty.");
}

/** Decodes file bytes as UTF-8 after the size and binary checks. */
export function decodeDocument(bytes: Uint8Array): string {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new GeneratorError("TOO_LARGE", `The document is ${megabytes(bytes.length)} MB; the limit is ${megabytes(MAX_DOCUMENT_BYTES)} MB.`);
  }
  if (bytes.subarray(0, 65536).includes(0)) throw new GeneratorError("BINARY", "The file is binary, not text: upload a .txt or .md document.");
  const text = new TextDecoder("utf-8").decode(bytes);
  checkText(text);
  return text;
}
