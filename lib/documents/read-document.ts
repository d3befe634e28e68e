/**
 * readDocument: the bytes of a .txt, .md, .rst, .pdf, .docx or saved .html page → canonical Markdown,
 * the one text the generator reads, the database stores and the save request posts back.
 * Text and Markdown pass through (decoded and checked); reStructuredText (also a .txt that is
 * plainly reST) and the other formats are read into blocks
 * and written out by toMarkdown.
 */
import { GeneratorError, decodeDocument } from "../generator";
import { plainText, toMarkdown, type Block } from "./blocks";
import { FORMAT_LABEL, detectFormat, type DocumentFormat } from "./detect-format";
import { readWordDocument } from "./docx-reader";
import { DocumentError, describeSize } from "./errors";
import { readHtmlPage } from "./html-reader";
import { readPdf } from "./pdf/pdf-reader";
import { looksLikeRst, readRst } from "./rst-reader";

export interface DocumentLimits {
  /** A .txt or .md file, and the text read from any file. */
  textBytes: number;
  /** A PDF, Word document or web page. */
  fileBytes: number;
}

export const DOCUMENT_LIMITS: DocumentLimits = { textBytes: 2 * 1024 * 1024, fileBytes: 20 * 1024 * 1024 };

export interface ReadOptions {
  fileName?: string;
  contentType?: string;
  limits?: Partial<DocumentLimits>;
}

export interface ReadDocumentResult {
  /** Canonical Markdown (or the text file as it was). */
  text: string;
  format: DocumentFormat;
}

const TEXT_ERRORS: Record<GeneratorError["code"], DocumentError["code"]> = { EMPTY: "EMPTY", BINARY: "NOT_TEXT", TOO_LARGE: "TOO_LARGE", NO_SENTENCES: "EMPTY" };

function decodeText(bytes: Uint8Array, what: string): string {
  let input = bytes;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    input = new TextEncoder().encode(new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes));
  }
  try {
    return decodeDocument(input);
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    if (error.code === "EMPTY") throw new DocumentError("EMPTY", `${what} is empty.`);
    throw new DocumentError(TEXT_ERRORS[error.code], error.message);
  }
}

/** A saved page in the charset its <meta> declares (UTF-8 when it declares none). */
function decodeHtml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString("latin1");
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? "utf-8").decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/** "week-3_photosynthesis.pdf" → "week 3 photosynthesis". */
function titleFromFileName(fileName: string): string {
  const stem = fileName.replace(/^.*[\\/]/, "").replace(/\.[A-Za-z0-9]{1,10}$/, "").replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
  return stem || "Untitled document";
}

async function readBlocks(format: "pdf" | "docx" | "html", bytes: Uint8Array, what: string, limits: DocumentLimits) {
  if (format === "pdf") return readPdf(bytes, what, limits.textBytes);
  if (format === "docx") return readWordDocument(bytes, what);
  return readHtmlPage(decodeHtml(bytes));
}

function hasContent(blocks: Block[]): boolean {
  return blocks.some((block) => {
    if (block.kind === "heading") return false;
    if (block.kind === "table") return block.rows.some((row) => row.some((cell) => /\p{L}/u.test(cell)));
    if (block.kind === "code") return block.text.trim() !== "";
    return /\p{L}/u.test(plainText(block.runs));
  });
}

export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadDocumentResult> {
  const limits = { ...DOCUMENT_LIMITS, ...options.limits };
  const fileName = options.fileName?.replace(/^.*[\\/]/, "").trim() ?? "";
  if (bytes.length > limits.fileBytes) {
    throw new DocumentError("TOO_LARGE", `${fileName || "The file"} is ${describeSize(bytes.length)}; the limit is ${describeSize(limits.fileBytes)}.`);
  }
  if (bytes.length === 0) throw new DocumentError("EMPTY", `${fileName || "The file"} is empty.`);
  const format = detectFormat(bytes, { fileName, contentType: options.contentType });
  const what = fileName || `This ${FORMAT_LABEL[format].replace(/^an? /, "")}`;
  if (format === "txt" || format === "md" || format === "rst") {
    if (bytes.length > limits.textBytes) {
      throw new DocumentError("TOO_LARGE", `${what} is ${describeSize(bytes.length)}; text files can be up to ${describeSize(limits.textBytes)}.`);
    }
    const text = decodeText(bytes, what);
    // Sphinx and Python docs are often saved as .txt: their markup would otherwise reach the cards
    if (format === "md" || (format === "txt" && !looksLikeRst(text))) return { text, format };
    const { blocks, title } = readRst(text);
    if (!hasContent(blocks)) throw new DocumentError("NO_TEXT", `${what} has no text Keypoint can read.`);
    return { text: toMarkdown(blocks, title || titleFromFileName(fileName)), format: "rst" };
  }
  const { blocks, title } = await readBlocks(format, bytes, what, limits);
  if (!hasContent(blocks)) throw new DocumentError("NO_TEXT", `${what} has no text Keypoint can read.`);
  const text = toMarkdown(blocks, title || titleFromFileName(fileName));
  const size = Buffer.byteLength(text);
  if (size > limits.textBytes) {
    throw new DocumentError("TOO_LARGE", `The text of ${what} is ${describeSize(size)}; the limit is ${describeSize(limits.textBytes)}: split it into parts.`);
  }
  return { text, format };
}
