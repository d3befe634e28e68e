/**
 * Which reader a file goes to: the bytes decide first (magic numbers), the file name's
 * extension or the declared content type second, and a disagreement is refused.
 */
import { DocumentError } from "./errors";

export type DocumentFormat = "txt" | "md" | "rst" | "pdf" | "docx" | "html";

export const FORMAT_LABEL: Record<DocumentFormat, string> = {
  txt: "a text file",
  md: "a Markdown file",
  rst: "a reStructuredText file",
  pdf: "a PDF",
  docx: "a Word document (.docx)",
  html: "a web page",
};

const BY_EXTENSION: Record<string, DocumentFormat> = {
  txt: "txt", text: "txt", md: "md", markdown: "md", rst: "rst", rest: "rst", pdf: "pdf", docx: "docx", html: "html", htm: "html", xhtml: "html",
};

const BY_CONTENT_TYPE: Record<string, DocumentFormat> = {
  "text/plain": "txt",
  "text/markdown": "md",
  "text/x-markdown": "md",
  "text/x-rst": "rst",
  "text/prs.fallenstein.rst": "rst",
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "text/html": "html",
  "application/xhtml+xml": "html",
};

export const ACCEPTED_EXTENSIONS = ".txt, .md, .rst, .pdf, .docx and .html";

/** What the first bytes say, before any name is consulted. */
type Sniffed = { kind: "pdf" | "zip" | "text" | "binary" } | { kind: "other"; what: string };

const SIGNATURES: [number[], string][] = [
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "an old Office file (.doc, .xls or .ppt)"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x49, 0x49, 0x2a, 0x00], "a TIFF image"],
  [[0x4d, 0x4d, 0x00, 0x2a], "a TIFF image"],
  [[0x1f, 0x8b], "a gzip archive"],
  [[0x52, 0x61, 0x72, 0x21], "a RAR archive"],
  [[0x37, 0x7a, 0xbc, 0xaf], "a 7-Zip archive"],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], "an RTF document"],
];

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

function sniff(bytes: Uint8Array): Sniffed {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.includes("%PDF-")) return { kind: "pdf" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: "zip" };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return { kind: "other", what: "a WebP image" };
  for (const [signature, what] of SIGNATURES) if (startsWith(bytes, signature)) return { kind: "other", what };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { kind: "text" };
  return bytes.subarray(0, 65536).includes(0) ? { kind: "binary" } : { kind: "text" };
}

function extensionOf(fileName: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName.trim());
  return match ? match[1].toLowerCase() : null;
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  return /^(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(head);
}

export interface FileFacts {
  fileName?: string;
  contentType?: string;
}

/** The format of a file, or a DocumentError with one sentence saying why it cannot be read. */
export function detectFormat(bytes: Uint8Array, { fileName = "", contentType = "" }: FileFacts): DocumentFormat {
  const name = fileName.trim() || "The file";
  const extension = extensionOf(fileName);
  const mime = contentType.split(";")[0].trim().toLowerCase();
  if (extension && !BY_EXTENSION[extension] && !BY_CONTENT_TYPE[mime]) {
    throw new DocumentError("UNSUPPORTED_FORMAT", `Keypoint reads ${ACCEPTED_EXTENSIONS} files, not .${extension}.`);
  }
  const declared = (extension && BY_EXTENSION[extension]) || BY_CONTENT_TYPE[mime] || null;
  const found = sniff(bytes);
  const mismatch = (what: string) =>
    new DocumentError("FORMAT_MISMATCH", `${name} is named as ${FORMAT_LABEL[declared!]} but it is ${what}.`);

  switch (found.kind) {
    case "pdf":
      if (declared === null || declared === "pdf") return "pdf";
      throw mismatch("a PDF");
    case "zip":
      if (declared === null || declared === "docx") return "docx";
      throw mismatch("a zip archive");
    case "other":
      // Word saves a password-protected .docx inside the same container as an old .doc.
      if (declared === "docx" && found.what === SIGNATURES[0][1]) {
        throw new DocumentError("PASSWORD", `${name} is password-protected or in the old .doc format: save it as an unprotected .docx and upload that.`);
      }
      if (declared === null || declared === "txt" || declared === "md" || declared === "rst" || declared === "html") {
        throw new DocumentError("UNSUPPORTED_FORMAT", `${name} is ${found.what}, not a document Keypoint can read (${ACCEPTED_EXTENSIONS}).`);
      }
      throw mismatch(found.what);
    case "binary":
      if (declared === "pdf") throw new DocumentError("DAMAGED", `${name} is damaged or not a PDF: it does not start like one.`);
      if (declared === "docx") throw new DocumentError("DAMAGED", `${name} is damaged or not a Word document: it is not a .docx (zip) file.`);
      throw new DocumentError("NOT_TEXT", `${name} is binary, not text: Keypoint reads ${ACCEPTED_EXTENSIONS} files.`);
    case "text":
      if (declared === "pdf" || declared === "docx") throw mismatch("plain text");
      if (declared) return declared;
      return looksLikeHtml(bytes) ? "html" : "txt";
  }
}
