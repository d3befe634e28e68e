import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { screenshot, signUp } from "./helpers";

const lecture = readFileSync("lib/generator/fixtures/sleep-lecture.txt", "utf8");

test("a user previews lecture notes ranked by quality, keeps a weak card out, adds an extra candidate and saves exactly what is ticked", async ({ page }) => {
  await signUp(page);
  await page.goto("/documents/new");
  await page.fill("#document-text", lecture);
  await page.getByRole("button", { name: "Preview cards" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("Lecture 7: Sleep and Memory Consolidation");
  await expect(page.getByTestId("preview-summary")).toContainText(/^\d+ cards from \d[\d,]* words\./);

  const cards = preview.getByTestId("preview-card");
  const total = await cards.count();
  expect(total).toBeGreaterThan(5);
  // each card shows the passage it came from
  await expect(cards.first().getByTestId("preview-source")).toContainText("From the text:");
  // the weakest cards start unticked
  const ticked = await preview.locator("[data-testid=preview-card] input:checked").count();
  expect(ticked).toBeGreaterThan(0);
  expect(ticked).toBeLessThan(total);
  const save = page.getByTestId("save-deck");
  await expect(save).toHaveText(`Save deck (${ticked} cards)`);

  await cards.first().getByRole("checkbox").uncheck();
  await expect(save).toHaveText(`Save deck (${ticked - 1} cards)`);
  await page.getByTestId("show-candidates").click();
  const extra = preview.getByTestId("preview-extra").first().getByRole("checkbox");
  await expect(extra).not.toBeChecked();
  await extra.check();
  await expect(save).toHaveText(`Save deck (${ticked} cards)`);
  await screenshot(page, "import-preview");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "import-preview-phone");
  await page.setViewportSize({ width: 1280, height: 800 });

  await save.click();
  await page.waitForURL((url) => /^\/documents\/(?!new$)[\w-]+$/.test(url.pathname));
  const documentUrl = page.url();

  await page.goto("/");
  const deck = page.getByTestId("deck").filter({ hasText: "Lecture 7" });
  await expect(deck.getByTestId("deck-cards")).toHaveText(`${ticked} cards`);

  // Importing the same text again opens the same deck instead of making a copy.
  await page.goto("/documents/new");
  await page.fill("#document-text", lecture);
  await page.getByRole("button", { name: "Preview cards" }).click();
  await page.getByTestId("save-deck").click();
  await expect(page).toHaveURL(documentUrl);
  await page.goto("/");
  await expect(page.getByTestId("deck").filter({ hasText: "Lecture 7" })).toHaveCount(1);
});

test("unusable documents get a clear message", async ({ page }) => {
  await signUp(page);
  await page.goto("/documents/new");
  await page.fill("#document-text", "    \n  ");
  await expect(page.getByRole("button", { name: "Preview cards" })).toBeDisabled();

  await page.locator("input[type=file]").setInputFiles({ name: "photo.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0, 1]) });
  await expect(page.getByTestId("import-error")).toContainText("photo.txt is a PNG image, not a document Keypoint can read");
});
