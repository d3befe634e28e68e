import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "../../playwright.config";
import { answerQuizQuestion, signUp } from "./helpers";

// A document full of script tags, event-handler attributes, javascript: links and Markdown/HTML
// injection. Imported, reviewed and quizzed, it must never run or fetch anything. The generator reads
// raw HTML as markup (its tags never reach a card); what is left shows as text.
const hostile = readFileSync("tests/e2e/fixtures/hostile.md", "utf8");

/** Fails the test on any dialog, any request off our own origin, and any CSP report. */
function watch(page: Page) {
  const seen = { dialogs: [] as string[], foreign: [] as string[], csp: [] as string[] };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL + "/") && !url.startsWith("data:") && !url.startsWith("blob:")) seen.foreign.push(url);
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.csp.push(message.text());
  });
  return seen;
}

/** No element the payloads would create exists in the page. */
async function expectNoInjectedElements(page: Page) {
  const injected = await page.evaluate(() => ({
    // Next.js's own scripts carry the page's nonce (its data scripts hold the text as JSON strings).
    scripts: [...document.querySelectorAll("script")].filter((s) => !s.nonce && /alert\(/.test(s.textContent ?? "")).length,
    images: document.querySelectorAll('img[src="x"], img[onerror], img[src*="evil.example"]').length,
    handlers: document.querySelectorAll("[onerror], [onload], [onmouseover], [onclick]").length,
    frames: document.querySelectorAll("iframe, svg, object, embed").length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  }));
  expect(injected).toEqual({ scripts: 0, images: 0, handlers: 0, frames: 0, jsLinks: 0 });
}

test("a hostile document is imported, reviewed and quizzed as plain text", async ({ page }) => {
  const seen = watch(page);
  await signUp(page);

  await page.goto("/documents/new");
  await page.fill("#document-text", hostile);
  await page.getByRole("button", { name: "Preview cards" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("heading", { level: 2 })).toHaveText("Lecture alert(1) on Injection");
  await expect(preview).toContainText("without escaping runs the attacker's code");
  await expect(preview).not.toContainText("onerror=");
  await expect(preview).not.toContainText("<iframe");
  await expectNoInjectedElements(page);
  await page.getByTestId("save-deck").click();
  await expect(page).toHaveURL(/\/documents\/[A-Za-z0-9_-]+$/);
  await expect(page.locator("h1")).toHaveText("Lecture alert(1) on Injection");
  await expectNoInjectedElements(page);
  const documentUrl = page.url();

  // Review every card of the deck; collect what the cards showed.
  await page.getByTestId("review-deck").click();
  await expect(page).toHaveURL(/\/review\?deck=/);
  let shown = "";
  for (let answered = 0; answered < 12; answered++) {
    const card = page.getByTestId("review-card");
    if (!(await card.isVisible().catch(() => false))) {
      await page.waitForTimeout(300);
      if (!(await card.isVisible().catch(() => false))) break;
    }
    const id = await card.getAttribute("data-card-id");
    const kind = await card.getAttribute("data-kind");
    await page.keyboard.press(kind === "choice" ? "1" : "Space");
    await expect(page.getByTestId("grade-3")).toBeVisible();
    shown += (await card.textContent()) + "\n";
    await expectNoInjectedElements(page);
    await page.keyboard.press("4");
    await expect(page.getByTestId("review-card").and(page.locator(`[data-card-id="${id}"]`))).toHaveCount(0);
  }
  expect(shown).not.toBe("");
  expect(shown).not.toMatch(/<script|onerror=|onmouseover=|<iframe/);

  // Quiz the whole document.
  await page.goto(documentUrl);
  await expectNoInjectedElements(page);
  const whole = page.getByTestId("topic").first();
  await expect(whole).toContainText("All topics");
  {
    await whole.getByTestId("start-quiz").click();
    await expect(page).toHaveURL(/\/quiz\/[^/]+$/);
    let quizText = "";
    for (let answered = 0; answered < 20; answered++) {
      const question = page.getByTestId("quiz-question");
      await expect(question).toBeVisible();
      const position = (await page.getByTestId("quiz-position").textContent())!;
      const [, current, total] = /Question (\d+) of (\d+)/.exec(position)!;
      quizText += (await question.textContent()) + "\n";
      await answerQuizQuestion(page, "<script>alert(2)</script>");
      quizText += (await page.getByTestId("quiz-feedback").textContent()) + "\n";
      await expectNoInjectedElements(page);
      await page.keyboard.press("Enter");
      if (current === total) break;
    }
    expect(quizText).not.toMatch(/<script>alert\(1\)|<img src=|<iframe src=|<b onmouseover|<svg onload/);
    await expectNoInjectedElements(page);
  }

  expect(seen.dialogs).toEqual([]);
  expect(seen.foreign).toEqual([]);
  expect(seen.csp).toEqual([]);
});
