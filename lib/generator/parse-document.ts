/**
 * parseDocument: document text → the structured document (title, summary, key points, sections
 * of blocks). Markdown goes through a real Markdown parser; the plain-text layouts people paste
 * (podcast summaries, lecture notes) through a line reader that knows their markers.
 */
import { rewriteDefinitionLayouts } from "./definition-layouts";
import { readMarkdown } from "./markdown";
import { readPlainText } from "./plain-text";
import type { ParsedDocument } from "./outline";

export type { Block, BlockKind, Mark, ParsedDocument, Section } from "./outline";

const MARKDOWN_SIGNS = [
  /^#{1,6}\s+\S/m, // ATX heading
  /^(```|~~~)/m, // fenced code
  /^\|.*\|\s*$\n^\|?\s*:?-{3,}/m, // GFM table
  /\*\*[^*\n]+\*\*/, // bold
];

export function isMarkdown(text: string): boolean {
  return MARKDOWN_SIGNS.some((sign) => sign.test(text));
}

export function parseDocument(input: string): ParsedDocument {
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const markdown = isMarkdown(text);
  const { text: rewritten, terms } = rewriteDefinitionLayouts(text);
  const doc = markdown ? readMarkdown(rewritten) : readPlainText(rewritten);
  if (terms.size) for (const block of [...doc.definitions, ...doc.sections.flatMap((s) => s.blocks)]) if (block.term && terms.has(block.term)) block.glossary = true;
  return doc;
}
