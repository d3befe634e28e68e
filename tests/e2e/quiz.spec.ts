import { expect, test, type Page } from "@playwright/test";
import { screenshot, signUp, takeSampleDeck } from "./helpers";

/** Answers the question on screen with the keyboard only. Typed answers are guessed, so some will be missed. */
async function answerWithKeyboard(page: Page) {
  const question = page.getByTestId("quiz-question");
  await expect(question).toBeVisible();
  const type = await question.getAttribute("data-type");
  if (type === "typed") {
    await expect(page.getByTestId("typed-answer")).toBeFocused();
    await page.keyboard.type("a guess");
  } else if (type === "truefalse") {
    await page.keyboard.press("t");
    await expect(page.getByTestId("tf-true")).toHaveAttribute("aria-pressed", "true");
  } else {
    await page.keyboard.press("2");
    await expect(page.getByTestId("quiz-option").nth(1)).toHaveAttribute("aria-pressed", "true");
  }
  await page.keyboard.press("Enter");
  return type;
}

test("a new user quizzes one topic of the default deck with the keyboard and sees its mastery update", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  await page.getByRole("link", { name: "Quiz a topic" }).first().click();
  await expect(page).toHaveURL(/\/documents\/[^/]+#topics$/);
  const documentUrl = page.url();

  // The whole document comes first; topics follow in order; a topic without cards says why.
  const topics = page.getByTestId("topic");
  await expect(topics.first()).toContainText("All topics");
  await expect(page.getByTestId("no-cards").first()).toContainText("nothing to quiz");
  await expect(page.getByTestId("topic").filter({ has: page.getByTestId("no-cards") }).first().getByTestId("start-quiz")).toBeDisabled();

  // Pick a topic with cards, up to 5 questions.
  const topic = topics.filter({ hasNot: page.getByTestId("no-cards") }).nth(1);
  const topicId = (await topic.getAttribute("data-topic-id"))!;
  await expect(topic.getByTestId("mastery")).toHaveText(/^No quiz yet/);
  await page.getByTestId("count-5").check();
  await screenshot(page, "quiz-document-desktop");
  await topic.getByTestId("start-quiz").click();
  await expect(page).toHaveURL(/\/quiz\/[^/]+$/);

  const types = new Set<string>();
  let questions = 0;
  for (let answered = 0; answered < 20; answered++) {
    await expect(page.getByTestId("quiz-position")).toBeVisible();
    const position = (await page.getByTestId("quiz-position").textContent())!;
    const [, current, total] = /Question (\d+) of (\d+)/.exec(position)!;
    questions = Number(total);
    types.add((await answerWithKeyboard(page))!);
    // Feedback: the verdict, the user's answer and the source sentence.
    await expect(page.getByTestId("quiz-feedback")).toBeVisible();
    await expect(page.getByTestId("verdict")).toHaveText(/Correct|Not quite/);
    await expect(page.getByTestId("quiz-source")).not.toBeEmpty();
    if (answered === 0) await screenshot(page, "quiz-feedback-desktop");
    await expect(page.getByTestId("quiz-continue")).toBeFocused();
    await page.keyboard.press("Enter");
    if (current === total) break;
    await expect(page.getByTestId("quiz-position")).toHaveText(`Question ${Number(current) + 1} of ${total}`);
  }
  expect(types.size).toBeGreaterThan(1);

  // Results: score, time, and each question with the right answer.
  const results = page.getByTestId("quiz-results");
  await expect(results).toBeVisible();
  await expect(page.getByTestId("quiz-score")).toHaveText(/^\d+%$/);
  await expect(page.getByTestId("quiz-time")).toHaveText(/\d+s/);
  const score = (await page.getByTestId("quiz-score").textContent())!;
  // 5 questions, or as many as the topic has cards
  expect(questions).toBeGreaterThanOrEqual(3);
  expect(questions).toBeLessThanOrEqual(5);
  await expect(page.getByTestId("result-item")).toHaveCount(questions);
  await page.setViewportSize({ width: 375, height: 812 });
  await screenshot(page, "quiz-results-phone");
  await page.setViewportSize({ width: 1280, height: 800 });

  if (await page.getByTestId("review-missed").isVisible()) {
    await page.getByTestId("review-missed").click();
    await expect(page.getByTestId("missed-added")).toContainText("now due in today's review");
  }

  await page.getByTestId("back-to-topics").click();
  await expect(page).toHaveURL(documentUrl);
  const after = page.locator(`[data-testid=topic][data-topic-id="${topicId}"]`);
  await expect(after.getByTestId("mastery")).toHaveText(new RegExp(`^Best ${score}`));
  await expect(after.getByTestId("start-quiz")).toBeEnabled();
});
