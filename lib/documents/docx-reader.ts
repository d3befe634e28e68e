/**
 * A Word document → blocks: the zip is opened by zip-guard (bomb and damage checks), its text
 * parts handed to mammoth (Word styles → HTML), and the HTML read like a page's content.
 * Images are never read.
 */
import { zipSync } from "fflate";
import mammoth from "mammoth";
import type { Block } from "./blocks";
import { DocumentError } from "./errors";
import { htmlBlocks } from "./html-blocks";
import { parseDocument } from "./html-reader";
import { readZipParts } from "./zip-guard";

export interface WordContent {
  blocks: Block[];
  title: string | null;
}

const LIMITS = { maxEntries: 2000, maxExpandedBytes: 200 * 1024 * 1024 };

/** Word's built-in styles and the names pandoc and LibreOffice give code, quotes and definitions. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.kp-title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Source Code'] => pre:separator('\\n')",
  "p[style-name='Code'] => pre:separator('\\n')",
  "p[style-name='HTML Preformatted'] => pre:separator('\\n')",
  "p[style-name='Preformatted Text'] => pre:separator('\\n')",
  "r[style-name='Verbatim Char'] => code",
  "r[style-name='Code Char'] => code",
  "r[style-name='HTML Code'] => code",
  "r[style-name='Source Text'] => code",
  "p[style-name='Definition Term'] => dl > dt:fresh",
  "p[style-name='Definition'] => dl > dd:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
];

function coreTitle(parts: Map<string, Buffer>): string | null {
  const xml = parts.get("docProps/core.xml")?.toString("utf8") ?? "";
  const title = /<dc:title>([^<]*)<\/dc:title>/.exec(xml)?.[1];
  return title ? parseDocument(title).body.textContent?.trim() || null : null;
}

export async function readWordDocument(bytes: Uint8Array, what: string): Promise<WordContent> {
  const parts = await readZipParts(bytes, (name) => /\.(xml|rels)$/i.test(name), LIMITS, what);
  if (!parts.has("word/document.xml")) {
    throw new DocumentError("UNSUPPORTED_FORMAT", `${what} is a zip archive, not a Word document (.docx).`);
  }
  // mammoth gets a zip of the checked parts only, stored without compression: nothing left to inflate.
  const checked = zipSync(Object.fromEntries([...parts].map(([name, data]) => [name, new Uint8Array(data)])), { level: 0 });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(checked) },
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    );
    html = result.value;
  } catch {
    throw new DocumentError("DAMAGED", `${what} is damaged: Word's document inside it cannot be read.`);
  }
  return { blocks: htmlBlocks(parseDocument(html).body), title: coreTitle(parts) };
}
