import { expect, test, type Page } from "@playwright/test";
import { answerQuizQuestion, screenshot, signUp, takeSampleDeck } from "./helpers";

const REVIEWED = 4;

/** Answers the card on screen "Good" with the keyboard: Space reveals a cloze, "1" picks a choice first. */
async function reviewOneCard(page: Page) {
  const card = page.getByTestId("review-card");
  await expect(card).toBeVisible();
  const id = await card.getAttribute("data-card-id");
  if ((await card.getAttribute("data-kind")) === "CHOICE") await page.keyboard.press("1");
  else await page.keyboard.press(" ");
  await expect(page.getByTestId("grade-3")).toBeVisible();
  const saved = page.waitForResponse((r) => r.url().includes("/api/review/grade") && r.request().method() === "POST");
  await page.keyboard.press("3");
  expect((await saved).ok()).toBe(true);
  await expect(page.locator(`[data-testid=review-card][data-card-id="${id}"]`)).toHaveCount(0);
}

/** Takes a quiz of up to 5 questions on the first topic with cards, answering with the keyboard; returns how many it had. */
async function quizOneTopic(page: Page): Promise<number> {
  await page.goto("/");
  await page.getByRole("link", { name: "Quiz a topic" }).first().click();
  const topic = page.getByTestId("topic").filter({ hasNot: page.getByTestId("no-cards") }).nth(1);
  await page.getByTestId("count-5").check();
  await topic.getByTestId("start-quiz").click();
  await expect(page).toHaveURL(/\/quiz\/[^/]+$/);
  await expect(page.getByTestId("quiz-position")).toBeVisible();
  const total = Number(/of (\d+)/.exec((await page.getByTestId("quiz-position").textContent())!)![1]);
  for (let answered = 0; answered < total; answered++) {
    await answerQuizQuestion(page);
    await page.keyboard.press("Enter");
  }
  await expect(page.getByTestId("quiz-results")).toBeVisible();
  return total;
}

test("a new user reviews a few cards and sees them in the statistics", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);

  // Before any review: explanations instead of empty axes.
  await page.goto("/stats");
  await expect(page.getByRole("heading", { name: "Statistics" })).toBeVisible();
  await expect(page.getByTestId("stats-activity").getByTestId("stats-empty")).toContainText("No answers");
  await expect(page.getByTestId("stats-retention").getByTestId("stats-empty")).toContainText("Review a few cards");

  await page.goto("/review");
  for (let i = 0; i < REVIEWED; i++) await reviewOneCard(page);

  const quizzed = await quizOneTopic(page);

  await page.goto("/stats");
  const activity = page.getByTestId("stats-activity");
  // The reviews and the quiz's answers (as ReviewLogs of mode QUIZ) on today's bar.
  await expect(activity).toContainText(`${REVIEWED + quizzed} answers on 1 of 30 days`);
  // Today's bar is drawn (the learning stack) and the time chart has a bar too.
  await expect(page.getByTestId("reviews-per-day").locator(".recharts-bar-rectangle path, .recharts-bar-rectangle rect").first()).toBeVisible();
  await expect(page.getByTestId("time-per-day").locator(".recharts-bar-rectangle").first()).toBeVisible();

  await expect(page.getByTestId("current-streak")).toHaveText("Current streak: 1 day");
  await expect(page.getByTestId("calendar-heatmap").locator("rect.heat-4")).toHaveCount(1);
  await expect(page.getByTestId("stats-answers")).toContainText(`of ${REVIEWED + quizzed} answers were not “Again”`);
  await expect(page.getByTestId("card-states")).toContainText("Learning");
  await expect(page.getByTestId("stats-forecast")).toContainText("Overdue now: 0");
  await expect(page.getByTestId("stats-hours")).toContainText("You review most around");
  // The quizzed topic shows its score and links back to the document's topics.
  await expect(page.getByTestId("topic-mastery")).toContainText("quiz ");
  await expect(page.getByTestId("topic-quiz-link").first()).toHaveAttribute("href", /^\/documents\/[^/]+#topics$/);
  // New cards have no interval of a day yet: true retention still explains itself.
  await expect(page.getByTestId("stats-retention").getByTestId("stats-empty")).toBeVisible();
  await screenshot(page, "stats-desktop");

  await page.setViewportSize({ width: 375, height: 800 });
  await expect(page.getByTestId("reviews-per-day").locator(".recharts-bar-rectangle").first()).toBeVisible();
  // charts re-measure after the resize (slowly on a loaded machine): wait for them rather than read once
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshot(page, "stats-mobile");

  // The range picker keeps the deck choice in the URL; the export links serve CSV.
  await page.selectOption("#stats-range", "1y");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/range=1y/);
  await expect(page.getByTestId("stats-activity")).toContainText(`${REVIEWED + quizzed} answers`);
  const reviews = await page.request.get("/api/export/reviews");
  expect(reviews.headers()["content-type"]).toContain("text/csv");
  const lines = (await reviews.text()).trim().split(/\r\n/);
  expect(lines[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
  // Every review answer; quiz answers only where they graded a due card (quizzing ahead is practice).
  expect(lines.length).toBeGreaterThanOrEqual(REVIEWED + 1);
  expect(lines.length).toBeLessThanOrEqual(REVIEWED + 5 + 1);
  expect(lines.slice(1, REVIEWED + 1).every((line) => /^[\w-]+,\d{13},3,0,\d+$/.test(line))).toBe(true);
  const cards = await page.request.get("/api/export/cards");
  expect((await cards.text()).split("\r\n")[0]).toBe("id,document,topic,kind,prompt,answer,state,due,stability,difficulty,reps,lapses,suspended");
});
