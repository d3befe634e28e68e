import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { screenshot, signUp } from "./helpers";

const german = readFileSync("tests/fixtures/documents/languages/de-photosynthese.md", "utf8");
const nothingToAsk = readFileSync("tests/fixtures/documents/languages/de-ohne-karten.md", "utf8");

test("a German study sheet previews with the language notice, choice cards only, and saves", async ({ page }) => {
  await signUp(page);
  await page.goto("/documents/new");
  await page.fill("#document-text", german);
  await page.getByRole("button", { name: "Preview cards" }).click();
  const notice = page.getByTestId("language-notice");
  await expect(notice).toContainText("This document is in German.");
  const cards = page.getByTestId("import-preview").getByTestId("preview-card");
  const total = await cards.count();
  expect(total).toBeGreaterThan(5);
  await expect(notice).toHaveText(`This document is in German. Full cloze cards are made for English documents only; in German Keypoint made ${total} choice cards from the document's numbers and laid-out definitions.`);
  await expect(cards.filter({ hasText: "Cloze" })).toHaveCount(0);
  await expect(cards.filter({ hasText: "Die optimale Temperatur liegt bei [...]" })).toContainText("Answer: 25 bis 35 °C");
  await screenshot(page, "import-preview-german");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "import-preview-german-phone");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId("save-deck").click();
  await page.waitForURL((url) => /^\/documents\/(?!new$)[\w-]+$/.test(url.pathname));
});

test("a German text with nothing to ask says so and offers no save", async ({ page }) => {
  await signUp(page);
  await page.goto("/documents/new");
  await page.fill("#document-text", nothingToAsk);
  await page.getByRole("button", { name: "Preview cards" }).click();
  await expect(page.getByTestId("language-notice")).toContainText("gave no cards and nothing can be saved");
  await expect(page.getByTestId("preview-summary")).toHaveText(/^No cards from \d+ words\.$/);
  await expect(page.getByTestId("save-deck")).toHaveCount(0);

  const refused = await page.request.post("/api/documents", { data: { text: nothingToAsk, dropped: [] } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error).toMatchObject({ code: "NO_CARDS" });
});
