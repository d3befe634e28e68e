import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { screenshot, signUp } from "./helpers";

const lecture = readFileSync("lib/generator/fixtures/sleep-lecture.txt", "utf8");

test("a user pastes lecture notes, previews the cards, drops one and saves the deck once", async ({ page }) => {
  await signUp(page);
  await page.goto("/documents/new");
  await page.fill("#document-text", lecture);
  await page.getByRole("button", { name: "Preview cards" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("Lecture 7: Sleep and Memory Consolidation");
  const boxes = preview.getByRole("checkbox");
  const total = await boxes.count();
  expect(total).toBeGreaterThan(5);
  await boxes.first().uncheck();
  await expect(page.getByTestId("save-deck")).toHaveText(`Save deck (${total - 1} cards)`);
  await screenshot(page, "import-preview");
  await page.getByTestId("save-deck").click();
  await page.waitForURL((url) => /^\/documents\/(?!new$)[\w-]+$/.test(url.pathname));
  const documentUrl = page.url();

  await page.goto("/");
  const deck = page.getByTestId("deck").filter({ hasText: "Lecture 7" });
  await expect(deck.getByTestId("deck-cards")).toHaveText(`${total - 1} cards`);

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
