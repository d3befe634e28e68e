/**
 * Figure 5 (documents): from an uploaded file's bytes to the preview's deck (read the file into
 * canonical Markdown, then generate): a 50-page PDF report built by code, and the same report as
 * a .docx and a saved web page.
 */
import { generateDeck } from "../../lib/generator";
import { readDocument } from "../../lib/documents";
import { renderDocx } from "../../lib/documents/fixtures/render-docx";
import { renderHtml } from "../../lib/documents/fixtures/render-html";
import { renderPdf } from "../../lib/documents/fixtures/render-pdf";
import { longReport } from "../../lib/documents/fixtures/sample-document";
import { performance } from "node:perf_hooks";
import { PDFDocument } from "pdf-lib";
import { log, median, timeRuns } from "../measure";
import { row, type Row } from "../report";

/** About 50 pages as the fixture renderer lays them out. */
const SECTIONS = 140;

async function uploadToPreview(bytes: Uint8Array, fileName: string): Promise<number> {
  const { text } = await readDocument(bytes, { fileName });
  return generateDeck(text).cards.length;
}

export async function documentFigures(quick: boolean): Promise<Row[]> {
  const report = longReport(quick ? 20 : SECTIONS);
  const pdf = await renderPdf(report, { runningHeader: "Coastal wetlands survey", pageNumbers: true });
  const pages = (await PDFDocument.load(pdf)).getPageCount();
  const files: [string, Uint8Array][] = [
    ["report.pdf", pdf],
    ["report.docx", await renderDocx(report)],
    ["report.html", new TextEncoder().encode(renderHtml(report))],
  ];
  const rows: Row[] = [];
  for (const [name, bytes] of files) {
    let cards = 0;
    // The first read in a process also loads the reader's library (pdf.js, mammoth, Readability).
    const started = performance.now();
    await uploadToPreview(bytes, name);
    const first = performance.now() - started;
    const times = await timeRuns(quick ? 2 : 5, async () => (cards = await uploadToPreview(bytes, name)), 0);
    const ms = median(times);
    const size = `${pages} pages, ${(bytes.length / 1024).toFixed(0)} KB, ${cards} cards`;
    log(`documents ${name}: ${ms.toFixed(0)} ms (first read ${first.toFixed(0)} ms), ${size}`);
    const pdfRow = name.endsWith(".pdf");
    const figure = `5 documents: ${pdfRow ? `${pages}-page PDF` : name.endsWith(".docx") ? "same report as .docx" : "same report as saved .html"} → preview`;
    rows.push(row({ figure, db: "-", size, unit: "ms", median: ms, p99: Math.max(...times), target: pdfRow ? "≤ 5,000 ms" : null, met: pdfRow ? ms <= 5000 : null }));
  }
  return rows;
}
