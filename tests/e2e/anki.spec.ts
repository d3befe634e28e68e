import { expect, test } from "@playwright/test";
import { buildPackage, type FixtureSpec } from "../../lib/anki/fixtures/build-package";
import { screenshot, signUp } from "./helpers";

const DAY = 86_400_000;

/** A collection made a month ago: a capital studied 10 and 3 days ago, due yesterday; a cloze never studied. */
function recentCollection(): FixtureSpec {
  const now = Date.now();
  const createdSeconds = Math.floor((now - 30 * DAY) / 1000);
  return {
    createdSeconds,
    notes: [
      {
        guid: "e2e-capital",
        noteType: "basic",
        deck: "Geography::Oceania",
        fields: ["What is the capital of Australia?", "<b>Canberra</b>"],
        cards: [{ ord: 0, type: 2, queue: 2, ivl: 6, due: 29, revlog: [{ at: now - 10 * DAY, ease: 3, type: 0 }, { at: now - 3 * DAY, ease: 3, type: 1 }] }],
      },
      {
        guid: "e2e-cloze",
        noteType: "cloze",
        deck: "Geography",
        fields: ["The longest river in Africa is the {{c1::Nile}}.", ""],
        cards: [{ ord: 0 }],
      },
    ],
  };
}

test("imports an Anki package, reviews an imported card and sees its history in the statistics", async ({ page }) => {
  // Sign-up, an import in the background, a review, the stats page and two screenshots.
  test.setTimeout(180_000);
  await signUp(page);
  await page.goto("/settings");
  const section = page.getByTestId("anki-import");
  await expect(section.getByRole("heading", { name: "Import from Anki" })).toBeVisible();
  await page.getByTestId("anki-file").setInputFiles({ name: "geography.apkg", mimeType: "application/octet-stream", buffer: Buffer.from(buildPackage(recentCollection(), "anki21b")) });
  await page.getByTestId("anki-import-start").click();
  const done = page.getByTestId("anki-import-done");
  await expect(done).toContainText("Imported 2 cards and 2 reviews into 1 deck.", { timeout: 30_000 });
  await screenshot(page, "anki-import-desktop");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, "anki-import-phone");
  await page.setViewportSize({ width: 1280, height: 800 });

  await done.getByRole("link", { name: "Geography" }).click();
  await expect(page.getByRole("heading", { name: "Geography" })).toBeVisible();
  await expect(page.getByTestId("export-apkg-history")).toHaveAttribute("href", /history=1/);
  await page.getByTestId("review-deck").click();

  // The imported review comes first (due yesterday in Anki): a basic card, its answer revealed under the question.
  const card = page.getByTestId("review-card");
  await expect(card).toHaveAttribute("data-kind", "basic");
  await expect(page.getByTestId("prompt")).toHaveText("What is the capital of Australia?");
  await page.keyboard.press(" ");
  await expect(page.getByTestId("basic-answer")).toHaveText("Canberra");
  const saved = page.waitForResponse((r) => r.url().includes("/api/review/grade") && r.request().method() === "POST");
  await page.keyboard.press("3");
  expect((await saved).ok()).toBe(true);

  await page.goto("/stats");
  await expect(page.getByTestId("stats-activity")).toContainText("3 answers on 3 of 30 days");
  const history = await page.request.get("/api/export/reviews");
  expect((await history.text()).trim().split(/\r\n/)).toHaveLength(4);
  const apkg = await page.request.get("/api/anki/export?history=1");
  expect(apkg.headers()["content-type"]).toBe("application/apkg");
  expect((await apkg.body()).subarray(0, 2).toString()).toBe("PK");
});

test("a password-protected or damaged package gets one sentence and imports nothing", async ({ page }) => {
  await signUp(page);
  await page.goto("/settings");
  await page.getByTestId("anki-file").setInputFiles({ name: "broken.apkg", mimeType: "application/octet-stream", buffer: Buffer.from("not a zip") });
  await page.getByTestId("anki-import-start").click();
  await expect(page.getByTestId("anki-import").getByRole("alert")).toHaveText("This file is damaged: it is not a zip archive Keypoint can read, so nothing was imported.");
  await page.goto("/");
  await expect(page.getByText("Geography")).toHaveCount(0);
});
