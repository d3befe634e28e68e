import { describe, expect, it } from "vitest";
import { toMarkdown } from "./blocks";
import { DocumentError } from "./errors";
import { damagedPdf, lockedPdf, lyingZipBombDocx, notWordZip, scannedPdf, truncatedDocx, zipBombDocx } from "./fixtures/bad-files";
import { renderDocx } from "./fixtures/render-docx";
import { FURNITURE_TEXT, renderHtml } from "./fixtures/render-html";
import { renderPdf } from "./fixtures/render-pdf";
import { handout } from "./fixtures/sample-document";
import { readDocument } from "./read-document";

const expected = toMarkdown(handout(), "unused");
const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(bytes: Uint8Array | Promise<Uint8Array>, fileName: string): Promise<DocumentError> {
  const error = await readDocument(await bytes, { fileName }).then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(DocumentError);
  return error as DocumentError;
}

describe("readDocument gives every format the same canonical Markdown", () => {
  it("is the structure the handout was written with (headings, lead-in and nested items, definitions, table, code)", () => {
    expect(expected).toContain("# Photosynthesis Handout\n");
    expect(expected).toContain("The process has two stages:\n\n- The light-dependent reactions");
    expect(expected).toContain("\n  - Water molecules are split");
    expect(expected).toContain("**Chlorophyll**: the green pigment");
    expect(expected).toContain("| Condition | Rate | Limiting factor |\n| --- | --- | --- |\n| Bright light | High | Carbon dioxide |");
    expect(expected).toContain("```\ndef rate(count, seconds):\n    per_minute = count * 60 / seconds\n");
    expect(expected).toContain("1. Light is absorbed by chlorophyll.\n2. Electrons pass");
  });

  it("reads a multi-page PDF handout: sizes and weights become headings, hyphenation is undone, the running header and page numbers are dropped", async () => {
    const pdf = await renderPdf(handout(), { runningHeader: "BIO 101 - Photosynthesis handout", pageNumbers: true });
    const { text, format } = await readDocument(pdf, { fileName: "handout.pdf" });
    expect(format).toBe("pdf");
    expect(text).toBe(expected);
    expect(text).not.toMatch(/BIO 101|Page \d of \d/);
  });

  it("reads a Word document: Title and Heading styles, Word lists, bold definitions, the table and the Code style; not its header or footer", async () => {
    const docx = await renderDocx(handout(), { runningHeader: "BIO 101 - Photosynthesis handout" });
    const { text, format } = await readDocument(docx, { fileName: "handout.docx" });
    expect(format).toBe("docx");
    expect(text).toBe(expected);
  });

  it("reads a saved page's article only: no navigation, cookie banner, sidebar, share box, footer, script, style or handler", async () => {
    const { text, format } = await readDocument(utf8(renderHtml(handout())), { fileName: "photosynthesis.html" });
    expect(format).toBe("html");
    expect(text).toBe(expected);
    for (const furniture of FURNITURE_TEXT) expect(text).not.toContain(furniture);
    expect(text).not.toMatch(/<[a-z!/]/i);
  });

  it("passes .txt and .md through as they are", async () => {
    const notes = "# Notes\n\nThe mitochondrion makes ATP.\n";
    expect(await readDocument(utf8(notes), { fileName: "notes.md" })).toEqual({ text: notes, format: "md" });
    expect(await readDocument(utf8(notes), { fileName: "notes.txt" })).toEqual({ text: notes, format: "txt" });
  });

  it("uses the file name as the title when a PDF has none of its own", async () => {
    const pdf = await renderPdf(handout().slice(1));
    const { text } = await readDocument(pdf, { fileName: "week-3_photosynthesis.pdf" });
    expect(text.split("\n")[0]).toBe("# week 3 photosynthesis");
  });
});

describe("readDocument refuses what it cannot read with one sentence", () => {
  it.each([
    ["a password-locked PDF", lockedPdf(), "locked.pdf", "PASSWORD", /locked with a password/],
    ["a scanned, image-only PDF", scannedPdf(), "scan.pdf", "NO_TEXT", /has no text layer/],
    ["a damaged PDF", damagedPdf(), "broken.pdf", "DAMAGED", /damaged/],
    ["a zip bomb named .docx", zipBombDocx(), "bomb.docx", "TOO_LARGE", /would expand to 2\.9 GB/],
    ["a zip bomb that lies about its size", lyingZipBombDocx(), "liar.docx", "DAMAGED", /zip bomb/],
    ["a zip that holds no Word document", notWordZip(), "archive.docx", "UNSUPPORTED_FORMAT", /not a Word document/],
    ["a PNG named .txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "photo.txt", "UNSUPPORTED_FORMAT", /PNG image/],
    ["a PDF named .docx", damagedPdf(), "report.docx", "FORMAT_MISMATCH", /named as a Word document .* but it is a PDF/],
    ["text named .pdf", utf8("Just some words."), "report.pdf", "FORMAT_MISMATCH", /but it is plain text/],
    ["an unknown extension", utf8("{\\rtf1 hello}"), "notes.rtf", "UNSUPPORTED_FORMAT", /not \.rtf/],
    ["an empty file", new Uint8Array(), "empty.md", "EMPTY", /empty/],
    ["a page with no text", utf8("<html><body><nav>Home</nav><img src=a.png></body></html>"), "blank.html", "NO_TEXT", /no text/],
  ])("%s", async (_label, bytes, fileName, code, message) => {
    const error = await refusal(bytes, fileName);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message.split(/(?<=[.!?])\s+(?=[A-Z])/)).toHaveLength(1);
  });

  it("refuses a damaged .docx", async () => {
    const docx = await renderDocx(handout());
    expect((await refusal(truncatedDocx(docx), "cut.docx")).code).toBe("DAMAGED");
  });

  it("refuses files over the limits: 20 MB for a PDF, 2 MB for text, 2 MB of text read from any file", async () => {
    expect((await refusal(new Uint8Array(21 * 1024 * 1024), "big.pdf")).message).toBe("big.pdf is 21 MB; the limit is 20 MB.");
    const text = utf8(`# Long\n\n${"The cell divides. ".repeat(130_000)}`);
    expect((await refusal(text, "long.md")).message).toMatch(/^long\.md is 2\.2 MB; text files can be up to 2 MB\.$/);
    const page = utf8(`<html><body><article><h1>Long</h1><p>${"The cell divides. ".repeat(130_000)}</p></article></body></html>`);
    expect((await refusal(page, "long.html")).message).toMatch(/^The text of long\.html is 2\.2 MB; the limit is 2 MB/);
  });
});
