/** A PDF → blocks: text layer (pdf-text), lines in reading order (pdf-lines), furniture removed, structure (pdf-blocks). */
import type { Block } from "../blocks";
import { DocumentError } from "../errors";
import { pdfBlocks } from "./pdf-blocks";
import { removePageFurniture } from "./pdf-furniture";
import { pageLines } from "./pdf-lines";
import { readPdfText } from "./pdf-text";

export interface PdfContent {
  blocks: Block[];
  title: string | null;
}

export async function readPdf(bytes: Uint8Array, what: string, maxChars: number): Promise<PdfContent> {
  const { pages, title } = await readPdfText(bytes, what, maxChars);
  const letters = pages.reduce((sum, page) => sum + page.pieces.reduce((n, piece) => n + (piece.text.match(/\p{L}|\p{N}/gu)?.length ?? 0), 0), 0);
  if (letters < 20) {
    throw new DocumentError("NO_TEXT", `${what} has no text layer (its pages are images, as in a scan), so there is no text to make cards from.`);
  }
  const lines = removePageFurniture(pages.map((page, index) => ({ height: page.height, lines: pageLines(page, index) }))).flat();
  // "Microsoft Word - notes.docx" is the printer's name for the file, not a title.
  const usableTitle = title && !/^(microsoft\s+\w+\s+-|untitled)|\.(docx?|pdf|txt|md)$/i.test(title) ? title : null;
  return { blocks: pdfBlocks(lines), title: usableTitle };
}
