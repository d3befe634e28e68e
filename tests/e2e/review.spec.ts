import { expect, test, type Page } from "@playwright/test";
import { moveServerClock, screenshot, signUp, takeSampleDeck } from "./helpers";

const DAY = 86_400_000;

async function currentCard(page: Page) {
  const card = page.getByTestId("review-card");
  await expect(card).toBeVisible();
  return { id: (await card.getAttribute("data-card-id"))!, kind: (await card.getAttribute("data-kind"))! };
}

/** Answers the card on screen with the keyboard only and returns what the Good button promised. */
async function answerWithKeyboard(page: Page, rating: "1" | "2" | "3" | "4") {
  const card = await currentCard(page);
  if (card.kind === "choice") await page.keyboard.press("1");
  else await page.keyboard.press("Space");
  await expect(page.getByTestId("grade-3")).toBeVisible();
  const good = (await page.getByTestId("interval-3").textContent())!;
  await page.keyboard.press(rating);
  return { ...card, good };
}

test("a new user reviews the default deck with the keyboard, undoes, finishes and comes back", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  // Today brings at most the daily 20 new cards; tomorrow the rest of the deck's, at most 20 again.
  const deckSize = Number(/\d+/.exec((await page.getByTestId("deck").first().getByTestId("deck-cards").textContent())!)![0]);
  expect(deckSize).toBeGreaterThan(10);
  const today = Math.min(20, deckSize);
  const tomorrow = Math.min(20, deckSize - today);
  await page.getByTestId("review-all").click();
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByText(`${today} new`)).toBeVisible();

  // Space reveals a cloze in place; the source sentence follows the answer.
  const first = await currentCard(page);
  if (first.kind === "cloze") {
    await page.keyboard.press("Space");
    await expect(page.getByTestId("cloze-answer")).toBeVisible();
  } else {
    await page.keyboard.press("Space");
  }
  await expect(page.getByTestId("source")).toBeVisible();
  await expect(page.getByTestId("interval-3")).toHaveText("10m");
  await screenshot(page, "review-answer-desktop");
  await page.keyboard.press("3");

  // Undo brings the same card back, exactly as it was (still a new card).
  const second = await currentCard(page);
  expect(second.id).not.toBe(first.id);
  await page.keyboard.press("z");
  await expect(page.getByTestId("review-card")).toHaveAttribute("data-card-id", first.id);
  await expect(page.getByText(`${today} new`)).toBeVisible();

  const goodBySeen = new Map<string, string[]>();
  let answers = 0;
  while (answers < 80 && (await page.getByTestId("review-card").isVisible())) {
    const answer = await answerWithKeyboard(page, "3");
    goodBySeen.set(answer.id, [...(goodBySeen.get(answer.id) ?? []), answer.good]);
    answers++;
    await expect(page.getByTestId("review-card").or(page.getByTestId("session-summary"))).toBeVisible();
    if (answers === 25) {
      await page.setViewportSize({ width: 375, height: 812 });
      await screenshot(page, "review-question-phone");
    }
  }
  await expect(page.getByTestId("session-summary")).toBeVisible();
  await screenshot(page, "review-summary");

  // Every card was seen as new (Good · 10m) and again from learning, when Good graduates it to days.
  expect(goodBySeen.size).toBe(today);
  for (const labels of goodBySeen.values()) {
    expect(labels[0]).toBe("10m");
    expect(labels.at(-1)).toMatch(/^\d+d$/);
  }
  await expect(page.getByTestId("summary-reviewed")).toHaveText(String(answers));
  await expect(page.getByTestId("come-back")).toHaveText(`Come back tomorrow: ${tomorrow} card${tomorrow === 1 ? "" : "s"} due.`);

  // Tomorrow: a fresh day's new cards; a week later: the graduated cards are due for review.
  await moveServerClock(page, DAY);
  await page.goto("/");
  await expect(page.getByTestId("review-all")).toHaveText(`Review (${tomorrow} due)`);
  await moveServerClock(page, 7 * DAY);
  await page.goto("/review");
  await expect(page.getByText(`${today} review`)).toBeVisible();
  await moveServerClock(page, 0);
});

test("a card can be fixed and suspended from the review screen, keeping its place in history", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  await page.goto("/review");
  const card = await currentCard(page);
  await page.keyboard.press("e");
  const prompt = page.getByLabel(/Text \(keep the gap as \[\.\.\.\]\)|Question/);
  const original = await prompt.inputValue();
  await prompt.fill(`${original} (edited)`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("prompt")).toContainText("(edited)");
  await expect(page.getByTestId("review-card")).toHaveAttribute("data-card-id", card.id);

  // The fix is this user's own and survives a reload.
  await page.reload();
  await expect(page.getByTestId("prompt")).toContainText("(edited)");

  await page.getByRole("button", { name: "Suspend card" }).click();
  await expect(page.getByTestId("review-card")).not.toHaveAttribute("data-card-id", card.id);
  // Today's new cards go on without it (another takes its place when the deck has more than 20).
  await expect(page.getByText(/^\d+ new$/)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("review-card")).not.toHaveAttribute("data-card-id", card.id);
});
