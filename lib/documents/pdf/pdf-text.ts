/**
 * The text layer of a PDF with its layout: every piece of text with its position on the page
 * (top-left origin, page rotation applied), size and font style. pdf.js (legacy build, Node)
 * runs in this thread: no worker file, no network; fonts, cmaps and metrics come from the package.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { DocumentError } from "../errors";

export interface TextPiece {
  text: string;
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  width: number;
  size: number;
  bold: boolean;
  italic: boolean;
  mono: boolean;
}

export interface PageText {
  width: number;
  height: number;
  pieces: TextPiece[];
}

export interface PdfText {
  pages: PageText[];
  title: string | null;
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let loading: Promise<PdfJs> | null = null;

/** pdf.js, with its worker code loaded in this thread (pdf.js looks for `globalThis.pdfjsWorker`). */
function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    const worker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return loading;
}

function packageFolder(): string {
  try {
    return path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  } catch {
    return path.join(process.cwd(), "node_modules", "pdfjs-dist");
  }
}

interface FontStyle {
  bold: boolean;
  italic: boolean;
  mono: boolean;
}

interface LoadedFont {
  name?: string;
  bold?: boolean;
  black?: boolean;
  italic?: boolean;
}

function fontStyle(font: LoadedFont | null, family: string | undefined): FontStyle {
  const name = font?.name ?? "";
  return {
    bold: !!font?.bold || !!font?.black || /bold|black|heavy|semibold|demibold|[-,]bd\b/i.test(name),
    italic: !!font?.italic || /italic|oblique|[-,]it\b/i.test(name),
    mono: family === "monospace" || /mono|courier|consol|menlo|inconsolata|sourcecode|source\s*code|firacode/i.test(name),
  };
}

/** Reads a PDF's text layer; throws DocumentError for a locked or damaged file. */
export async function readPdfText(bytes: Uint8Array, what: string, maxChars: number): Promise<PdfText> {
  const lib = await pdfjs();
  const folder = packageFolder();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    verbosity: 0,
    cMapUrl: `${path.join(folder, "cmaps")}/`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(folder, "standard_fonts")}/`,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    if ((error as Error)?.name === "PasswordException") {
      throw new DocumentError("PASSWORD", `${what} is locked with a password, so its text cannot be read: save an unlocked copy and upload that.`);
    }
    throw new DocumentError("DAMAGED", `${what} is damaged and cannot be read as a PDF.`);
  }
  try {
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === "string" && info.Title.trim() ? info.Title.trim() : null;
    const pages: PageText[] = [];
    const styles = new Map<string, FontStyle>();
    let chars = 0;
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is Extract<typeof item, { str: string }> => "str" in item && item.str.trim() !== "");
      // Font names and weights arrive with the page's drawing operators, only for fonts not seen yet.
      if (items.some((item) => !styles.has(item.fontName) && !page.commonObjs.has(item.fontName))) await page.getOperatorList();
      const pieces: TextPiece[] = [];
      for (const item of items) {
        if (!styles.has(item.fontName)) {
          const font = page.commonObjs.has(item.fontName) ? (page.commonObjs.get(item.fontName) as LoadedFont) : null;
          styles.set(item.fontName, fontStyle(font, content.styles[item.fontName]?.fontFamily));
        }
        const [a, b, c, d, x, y] = lib.Util.transform(viewport.transform, item.transform);
        // Rotated and vertical text (margin stamps, vertical labels) is not part of the reading order.
        if (a <= 0 || Math.abs(b) > Math.abs(a) * 0.05) continue;
        const size = Math.hypot(c, d);
        if (size < 1) continue;
        pieces.push({ text: item.str, x, y, width: item.width * viewport.scale, size, ...styles.get(item.fontName)! });
        chars += item.str.length;
      }
      pages.push({ width: viewport.width, height: viewport.height, pieces });
      page.cleanup();
      if (chars > maxChars) break;
    }
    return { pages, title };
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError("DAMAGED", `${what} is damaged and cannot be read as a PDF.`);
  } finally {
    await doc.destroy();
  }
}
