import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { answerQuizQuestion, signUp } from "./helpers";

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
        await expect(page.getByTestId("quiz-question").or(page.getByTestId("quiz-results"))).toBeVisible();
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
