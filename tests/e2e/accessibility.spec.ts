import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { answerQuizQuestion, signUp, takeSampleDeck } from "./helpers";

const lecture = readFileSync("lib/generator/fixtures/sleep-lecture.txt", "utf8");

/**
 * WCAG 2.0-2.2 A and AA rules; serious and critical findings fail the audit. Legacy mode runs axe
 * in the page itself (the app has no frames), without the extra blank page the default mode opens.
 */
async function audit(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const blocking = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").slice(1).join(" ")}`).join("\n")}`);
  // Soft: one run lists the findings of every state.
  expect.soft(blocking, `${state}\n${blocking.join("\n")}`).toEqual([]);
}

/** Shows the answer of the card on screen (a choice card by its first option), unless it is shown already. */
async function revealCard(page: Page) {
  const card = page.getByTestId("review-card");
  await expect(card).toBeVisible();
  if (await page.getByTestId("grade-3").isVisible()) return;
  await page.keyboard.press((await card.getAttribute("data-kind")) === "choice" ? "1" : " ");
  await expect(page.getByTestId("grade-3")).toBeVisible();
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test(`every page and state passes an axe audit (WCAG 2.2 AA, ${colorScheme})`, async ({ page }) => {
      test.setTimeout(600_000);
      await page.goto("/sign-in");
      await audit(page, "sign-in");
      await page.goto("/sign-up");
      await audit(page, "sign-up");
      await page.fill("#email", "not an email");
      await page.fill("#password", "short");
      await page.click("button[type=submit]");
      await audit(page, "sign-up with errors");

      await signUp(page);

      await takeSampleDeck(page);
      await audit(page, "home");

      await page.goto("/documents/new");
      await audit(page, "add document");
      await page.fill("#document-text", lecture);
      await page.getByRole("button", { name: "Preview cards" }).click();
      await expect(page.getByTestId("import-preview")).toBeVisible();
      await page.getByTestId("show-candidates").click();
      await audit(page, "import preview");

      await page.goto("/review");
      await expect(page.getByTestId("review-card")).toBeVisible();
      await audit(page, "review question");
      await revealCard(page);
      await audit(page, "review answer");
      await page.keyboard.press("e");
      await audit(page, "review card editor");
      await page.keyboard.press("Escape");
      await expect(page.getByRole("form", { name: "Edit card" })).toBeHidden();
      for (let answered = 0; answered < 60 && (await page.getByTestId("review-card").isVisible()); answered++) {
        await revealCard(page);
        await page.keyboard.press(answered % 5 === 0 ? "1" : "3");
        await expect(page.getByTestId("review-card").or(page.getByTestId("session-summary"))).toBeVisible();
      }
      await expect(page.getByTestId("session-summary")).toBeVisible();
      await audit(page, "review summary");

      await page.goto("/");
      await page.getByRole("link", { name: "Quiz a topic" }).first().click();
      await audit(page, "document page (topics)");
      await page.getByTestId("topic").filter({ hasNot: page.getByTestId("no-cards") }).first().getByTestId("start-quiz").click();
      await expect(page.getByTestId("quiz-question")).toBeVisible();
      await audit(page, "quiz question");
      await answerQuizQuestion(page);
      await audit(page, "quiz feedback");
      for (let step = 0; step < 60 && !(await page.getByTestId("quiz-results").isVisible()); step++) {
        await page.keyboard.press("Enter");
        // the answered question's feedback goes first: the next question, or the results
        await expect(page.getByTestId("quiz-feedback")).toBeHidden();
        if (await page.getByTestId("quiz-question").isVisible()) await answerQuizQuestion(page);
      }
      await audit(page, "quiz results");

      await page.goto("/stats");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await audit(page, "stats");
      await page.goto("/settings");
      await audit(page, "settings");
      await page.goto("/account");
      await audit(page, "account");
    });
  });
}

test("focus and the live region follow each answer; grade buttons say when the card comes back", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  const grades: string[] = [];
  page.on("request", (request) => request.url().endsWith("/api/review/grade") && grades.push(request.postData() ?? ""));
  await page.goto("/review");
  const announcer = page.getByTestId("announcer");
  const card = page.getByTestId("review-card");
  // A new card: Again brings it back in a minute, Good in ten.
  await expect(card).toBeVisible();
  const first = await card.getAttribute("data-card-id");
  await page.keyboard.press((await card.getAttribute("data-kind")) === "choice" ? "1" : " ");
  await expect(announcer).toHaveText(/^(Answer: .+|Correct|Not quite: the answer is .+)$/);
  await expect(page.getByTestId("grade-1")).toHaveAccessibleName("1 Again 1m");
  await expect(page.getByTestId("grade-1")).toHaveAccessibleDescription("Next review in 1 minute");
  await expect(page.getByTestId("grade-3")).toHaveAccessibleDescription("Next review in 10 minutes");
  // The suggested grade has the focus, so Enter (or Space) gives exactly that grade, once.
  await expect(page.locator(".grade.suggested")).toBeFocused();
  await page.keyboard.press("1");
  await expect(announcer).toHaveText("Again in 1 minute");
  await expect(card).not.toHaveAttribute("data-card-id", first!);
  await expect(card).toBeFocused();

  for (const key of ["Enter", " "]) {
    const before = grades.length;
    const shownId = await card.getAttribute("data-card-id");
    await page.keyboard.press((await card.getAttribute("data-kind")) === "choice" ? "1" : " ");
    await expect(page.locator(".grade.suggested")).toBeFocused();
    await page.keyboard.press(key);
    await expect(card).not.toHaveAttribute("data-card-id", shownId!);
    await expect(card).toBeFocused();
    await expect.poll(() => grades.length).toBe(before + 1);
    await expect(announcer).toHaveText(/^(Good|Again) in \d+ minutes?$/);
  }
  // Focus is drawn: a visible outline of at least 2 px.
  const outline = await card.evaluate((element) => getComputedStyle(element).outlineWidth);
  expect(Number.parseFloat(outline)).toBeGreaterThanOrEqual(2);

  await page.keyboard.press("z");
  await expect(announcer).toHaveText("Answer taken back");
  await expect(card).toBeFocused();
});

test("a picked option is marked right or wrong in words, not colour alone", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  await page.goto("/review");
  const card = page.getByTestId("review-card");
  for (let seen = 0; seen < 30 && (await card.getAttribute("data-kind")) !== "choice"; seen++) {
    const id = await card.getAttribute("data-card-id");
    await page.keyboard.press(" ");
    await page.keyboard.press("4");
    await expect(card).not.toHaveAttribute("data-card-id", id!);
  }
  await expect(card).toHaveAttribute("data-kind", "choice");
  const options = page.getByTestId("choice-option");
  await expect(page.getByTestId("option-mark")).toHaveCount(0);
  await options.nth(0).click();
  // A right pick is marked once; a wrong one is marked, and so is the right answer.
  const marks = page.getByTestId("option-mark");
  await expect(marks.first()).toBeVisible();
  if ((await marks.count()) === 1) {
    await expect(options.nth(0).getByTestId("option-mark")).toHaveText("✓ Right answer");
    await expect(page.getByTestId("announcer")).toHaveText("Correct");
  } else {
    await expect(options.nth(0).getByTestId("option-mark")).toHaveText("✗ Your pick");
    await expect(marks.filter({ hasText: "✓ Right answer" })).toHaveCount(1);
    await expect(page.getByTestId("announcer")).toHaveText(/^Not quite: the answer is .+/);
  }
  // The grade buttons carry their names as text, whatever their colour.
  for (const name of ["Again", "Hard", "Good", "Easy"]) await expect(page.locator(".grade-name", { hasText: name })).toBeVisible();
});

test("reduced motion stops transitions and animations", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await signUp(page);
  await takeSampleDeck(page);
  await page.goto("/review");
  const bar = page.locator(".progress > div");
  expect(Number.parseFloat(await bar.evaluate((element) => getComputedStyle(element).transitionDuration))).toBeLessThan(0.001);
  await page.emulateMedia({ reducedMotion: "no-preference" });
  expect(Number.parseFloat(await bar.evaluate((element) => getComputedStyle(element).transitionDuration))).toBeGreaterThan(0.1);
});

/** No sideways scrolling, and no control whose text is cut off. */
async function expectNothingCut(page: Page, state: string) {
  const cut = await page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) found.push(`page is ${document.documentElement.scrollWidth}px wide`);
    for (const element of document.querySelectorAll<HTMLElement>("button, a, label, h1, h2, .grade-interval, .chip")) {
      if (element.offsetParent === null || element.closest(".table-scroll, .sr-only")) continue;
      if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflow !== "visible") found.push(element.textContent ?? "");
    }
    return found;
  });
  expect(cut, state).toEqual([]);
}

test("text at 200% and a 320 px wide window lose nothing", async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page);
  await takeSampleDeck(page);
  const pages = ["/", "/review", "/stats", "/settings", "/documents/new", "/account"];
  for (const size of [{ width: 1280, height: 800, text: "200%" }, { width: 320, height: 640, text: "100%" }, { width: 640, height: 400, text: "100%" }]) {
    await page.setViewportSize(size);
    for (const path of pages) {
      await page.goto(path);
      await page.addStyleTag({ content: `html { font-size: ${size.text} }` });
      await expectNothingCut(page, `${path} at ${size.width}px, text ${size.text}`);
      if (path === "/review") {
        await page.keyboard.press((await page.getByTestId("review-card").getAttribute("data-kind")) === "choice" ? "1" : " ");
        await expect(page.getByTestId("grade-3")).toBeInViewport({ ratio: 0.5 });
        await expectNothingCut(page, `review answer at ${size.width}px, text ${size.text}`);
      }
    }
  }
});
