import { writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { damagedPdf, lockedPdf, scannedPdf, zipBombDocx } from "../../lib/documents/fixtures/bad-files";
import { renderDocx } from "../../lib/documents/fixtures/render-docx";
import { FURNITURE_TEXT, renderHtml } from "../../lib/documents/fixtures/render-html";
import { renderPdf } from "../../lib/documents/fixtures/render-pdf";
import { handout } from "../../lib/documents/fixtures/sample-document";
import { screenshot, signUp } from "./helpers";

const PDF_TYPE = "application/pdf";
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async function upload(page: Page, name: string, mimeType: string, buffer: Uint8Array | string) {
  await page.getByTestId("upload-document").setInputFiles({ name, mimeType, buffer: Buffer.from(buffer) });
}

async function deckCount(page: Page): Promise<number> {
  await page.goto("/");
  return page.getByTestId("deck").filter({ hasText: "Photosynthesis Handout" }).count();
}

test("a learner uploads a PDF handout, a Word document and a saved page, previews each and saves the deck", async ({ page }) => {
  await signUp(page);
  const files: [string, string, Uint8Array | string][] = [
    ["handout.pdf", PDF_TYPE, await renderPdf(handout(), { runningHeader: "BIO 101 - Photosynthesis handout", pageNumbers: true })],
    ["handout.docx", DOCX_TYPE, await renderDocx(handout(), { runningHeader: "BIO 101" })],
    ["handout.html", "text/html", renderHtml(handout())],
  ];
  let documentUrl = "";
  let cards = "";
  for (const [name, type, bytes] of files) {
    await page.goto("/documents/new");
    await upload(page, name, type, bytes);
    const preview = page.getByTestId("import-preview");
    await expect(preview.getByRole("heading", { level: 2 })).toHaveText("Photosynthesis Handout");
    // The text the cards come from is shown: the handout's structure, none of its page furniture.
    const text = await page.locator("#document-text").inputValue();
    expect(text).toContain("## The two stages\n\nThe process has two stages:\n\n- The light-dependent reactions");
    expect(text).toContain("| Condition | Rate | Limiting factor |");
    for (const furniture of [...FURNITURE_TEXT, "BIO 101", "Page 1 of"]) expect(text).not.toContain(furniture);
    await expect(preview).not.toContainText("cookies");
    const label = await page.getByTestId("save-deck").textContent();
    if (cards) expect(label).toBe(cards);
    cards = label ?? "";
    if (name.endsWith(".pdf")) await screenshot(page, "import-pdf-preview");
    await page.getByTestId("save-deck").click();
    await page.waitForURL((url) => /^\/documents\/(?!new$)[\w-]+$/.test(url.pathname));
    // All three files give the same text, so they are the same document: saved once, opened after.
    if (documentUrl) expect(page.url()).toBe(documentUrl);
    documentUrl = page.url();
  }
  expect(await deckCount(page)).toBe(1);
});

test("each file Keypoint cannot read gets one sentence, and nothing is saved", async ({ page }) => {
  await signUp(page);
  await page.goto("/documents/new");
  const cases: [string, string, Uint8Array, RegExp][] = [
    ["locked.pdf", PDF_TYPE, lockedPdf(), /locked\.pdf is locked with a password/],
    ["scan.pdf", PDF_TYPE, await scannedPdf(), /scan\.pdf has no text layer/],
    ["broken.pdf", PDF_TYPE, damagedPdf(), /broken\.pdf is damaged/],
    ["bomb.docx", DOCX_TYPE, zipBombDocx(), /bomb\.docx would expand to 2\.9 GB/],
    ["slides.pdf", PDF_TYPE, await renderDocx(handout()), /slides\.pdf is named as a PDF but it is a zip archive/],
    ["photo.txt", "text/plain", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /photo\.txt is a PNG image/],
  ];
  for (const [name, type, bytes, message] of cases) {
    await upload(page, name, type, bytes);
    const error = page.getByTestId("import-error");
    await expect(error).toHaveText(message);
    expect((await error.textContent())!.split(/(?<=\.)\s+(?=[A-Z])/)).toHaveLength(1);
    await expect(page.getByTestId("import-preview")).toHaveCount(0);
  }
  await screenshot(page, "import-refused");
  expect(await deckCount(page)).toBe(0);
});

test("a 50 MB upload is refused at once in the browser, and by the server without reading it", async ({ page }, testInfo) => {
  await signUp(page);
  await page.goto("/documents/new");
  const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
  big.write("%PDF-1.7\n");
  // Playwright passes files over 50 MB by path.
  const path = testInfo.outputPath("lectures.pdf");
  writeFileSync(path, big);
  let uploads = 0;
  page.on("request", (request) => request.url().includes("/api/documents/preview") && uploads++);
  await page.getByTestId("upload-document").setInputFiles(path);
  await expect(page.getByTestId("import-error")).toHaveText("lectures.pdf is 50.0 MB; PDF, Word and web page files can be up to 20 MB.");
  expect(uploads).toBe(0);

  const response = await page.request.post("/api/documents/preview", { multipart: { file: { name: "lectures.pdf", mimeType: PDF_TYPE, buffer: big } } });
  expect(response.status()).toBe(413);
  expect((await response.json()).error.message).toMatch(/^The upload is 50\.0 MB; files can be up to 20 MB\.$/);
});
