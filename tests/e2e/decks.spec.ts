import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { moveServerClock, screenshot, signUp, takeSampleDeck } from "./helpers";

test.describe.configure({ timeout: 240_000 });

const DAY = 86_400_000;

const cellNotes = readFileSync("tests/fixtures/documents/study-notes-cell-biology.md", "utf8");

async function importDeck(page: Page, text: string): Promise<string> {
  await page.goto("/documents/new");
  await page.fill("#document-text", text);
  await page.getByRole("button", { name: "Preview cards" }).click();
  await page.getByTestId("save-deck").click({ timeout: 60_000 });
  await page.waitForURL((url) => /^\/documents\/(?!new$)[\w-]+$/.test(url.pathname), { timeout: 60_000 });
  return page.url();
}

async function openDefaultDeck(page: Page) {
  await page.goto("/");
  await page.getByTestId("deck").filter({ hasText: "Sample deck" }).getByRole("heading").getByRole("link").click();
  await expect(page.getByTestId("remove-deck")).toBeVisible();
}

test("a user deletes a document after a confirmation naming its cards and answers, undoes it, deletes it again and restores it from Settings", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  const deckUrl = await importDeck(page, cellNotes);
  const title = (await page.locator("h1").textContent())!;
  // One answer, so the confirmation has history to name.
  await page.getByTestId("review-deck").click();
  await page.getByTestId("reveal").click();
  await page.keyboard.press("3");
  await page.goto(deckUrl);
  const cards = Number(/Browse its (\d+) cards/.exec((await page.getByTestId("browse-deck").textContent())!)![1]);

  await page.getByTestId("remove-deck").click();
  await expect(page.getByTestId("confirm-remove")).toContainText(`Delete “${title}”? This removes its ${cards} cards and your 1 review of them.`);
  await screenshot(page, "deck-delete-confirm");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("confirm-remove")).toHaveCount(0);

  await page.getByTestId("remove-deck").click();
  await page.getByTestId("confirm-remove-button").click();
  await expect(page).toHaveURL(/\/\?removed=/);
  await expect(page.getByTestId("removed-banner")).toContainText(`Deleted “${title}” with its ${cards} cards.`);
  await expect(page.getByTestId("deck").filter({ hasText: title })).toHaveCount(0);
  await page.getByTestId("restore-deck").click();
  await expect(page.getByTestId("deck").filter({ hasText: title })).toHaveCount(1);
  await expect(page.getByTestId("removed-banner")).toHaveCount(0);

  await page.goto(deckUrl);
  await page.getByTestId("remove-deck").click();
  await page.getByTestId("confirm-remove-button").click();
  await expect(page.getByTestId("removed-banner")).toBeVisible();
  await page.goto(deckUrl);
  await expect(page.getByTestId("not-found")).toContainText("Page not found");
  await page.goto("/settings");
  const removed = page.getByTestId("removed-deck").filter({ hasText: title });
  await expect(removed).toContainText(`${cards} cards, 1 answer ·`);
  await expect(removed).toContainText("kept until");
  await removed.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByTestId("no-removed-decks")).toBeVisible();
  await page.goto(deckUrl);
  await expect(page.locator("h1")).toHaveText(title);
  // Its history came back with it.
  await page.getByTestId("remove-deck").click();
  await expect(page.getByTestId("confirm-remove")).toContainText("your 1 review of them");
});

test("a user removes the default deck, which leaves their reviews and comes back from Settings", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  await openDefaultDeck(page);
  const title = (await page.locator("h1").textContent())!;
  await page.getByTestId("remove-deck").click();
  await expect(page.getByTestId("confirm-remove")).toContainText(`Remove “${title}” from your decks?`);
  await page.getByTestId("confirm-remove-button").click();
  await expect(page.getByTestId("removed-banner")).toContainText(`Removed “${title}” from your decks.`);
  await expect(page.getByTestId("deck")).toHaveCount(0);
  await expect(page.getByText("You have no decks yet")).toBeVisible();
  await page.goto("/review");
  await expect(page.getByTestId("session-summary")).toBeVisible();

  await page.goto("/settings");
  await screenshot(page, "settings-removed-decks");
  await page.getByTestId("removed-deck").filter({ hasText: title }).getByRole("button", { name: "Bring back" }).click();
  await expect(page.getByTestId("no-removed-decks")).toBeVisible();
  await page.goto("/");
  await expect(page.getByTestId("deck").filter({ hasText: "Sample deck" })).toHaveCount(1);
});

test("a deck's own new-card limit is what the next session gives, and one deck cannot crowd another", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  const deckUrl = await importDeck(page, cellNotes);
  const notesCards = Number(/Browse its (\d+) cards/.exec((await page.getByTestId("browse-deck").textContent())!)![1]);
  await page.getByLabel("New cards per day").fill("3");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByTestId("deck-options-message")).toHaveText("Saved. This deck's next session uses these limits.");
  await page.getByTestId("review-deck").click();
  await expect(page.getByText("3 new", { exact: true })).toBeVisible();

  // The default deck limited to 2: reviewing everything gives 2 of it and 3 of the notes.
  await openDefaultDeck(page);
  await page.getByLabel("New cards per day").fill("2");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByTestId("deck-options-message")).toBeVisible();
  await page.goto("/");
  await expect(page.getByTestId("review-all")).toHaveText("Review (5 due)");
  await page.goto(deckUrl);
  await expect(page.getByLabel("New cards per day")).toHaveValue("3");
  await page.getByLabel("New cards per day").fill("");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByTestId("deck-options-message")).toBeVisible();
  await page.goto("/");
  // Back to the global 20 for the notes; still 2 of the default deck, within the global 20.
  await expect(page.getByTestId("review-all")).toHaveText(`Review (${Math.min(20, notesCards + 2)} due)`);
});

test("after 'all caught up' a user studies a topic again as practice, adds new cards and reviews ahead", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  await openDefaultDeck(page);
  await page.getByLabel("New cards per day").fill("1");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByTestId("deck-options-message")).toBeVisible();
  await page.getByTestId("review-deck").click();
  const easy = (await page.getByTestId("review-card").getAttribute("data-card-id"))!;
  await page.getByTestId("reveal").click();
  await page.keyboard.press("4");
  await expect(page.getByTestId("session-summary")).toBeVisible();
  const custom = page.getByTestId("custom-study");
  await expect(custom).toBeVisible();
  await screenshot(page, "custom-study");

  // A topic again as practice: its cards, no intervals on the buttons, the schedule untouched.
  await custom.getByRole("button", { name: "Study topic" }).click();
  await expect(page).toHaveURL(/topic=/);
  await expect(page.getByTestId("practice-note")).toBeVisible();
  await expect(page.getByTestId("review-scope")).toHaveText("Practising a topic again.");
  await page.getByTestId("reveal").click();
  await expect(page.getByTestId("grade-3")).toBeVisible();
  await expect(page.getByTestId("interval-3")).toHaveCount(0);
  await page.keyboard.press("3");

  // Extra new cards today, in the day's session.
  await page.goto("/review");
  await page.getByLabel("Add").fill("2");
  await page.getByRole("button", { name: "Study new cards" }).click();
  await expect(page.getByText("2 new", { exact: true })).toBeVisible();
  await expect(page.getByTestId("review-card")).toBeVisible();

  // Tomorrow, with no new cards for the deck: review ahead brings the card answered Easy (due in days) now.
  await openDefaultDeck(page);
  await page.getByLabel("New cards per day").fill("0");
  await page.getByRole("button", { name: "Save limits" }).click();
  await expect(page.getByTestId("deck-options-message")).toBeVisible();
  await moveServerClock(page, DAY);
  await page.goto("/review");
  await page.getByLabel("Review the cards due in the next").fill("30");
  await page.getByRole("button", { name: "Review ahead" }).click();
  await expect(page.getByTestId("review-scope")).toHaveText("Reviewing ahead: the cards due in the next 30 days.");
  await expect(page.getByTestId("review-card")).toHaveAttribute("data-card-id", easy);
  await moveServerClock(page, 0);
});
