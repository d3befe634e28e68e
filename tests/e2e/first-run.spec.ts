import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD, screenshot, signUp, submitCredentials, takeSampleDeck, uniqueEmail } from "./helpers";

test("a signed-out visitor sees what Keypoint does, tries a card, and starts on the sample deck", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("landing")).toContainText("Remember what you read.");
  const sample = page.getByTestId("sample-card");
  await sample.getByRole("button", { name: "Show answer" }).click();
  await expect(sample.getByTestId("cloze-answer")).toBeVisible();
  await screenshot(page, "landing-desktop");

  await page.getByTestId("landing-try-sample").click();
  await expect(page).toHaveURL(/\/sign-up\?sample=1$/);
  // Plain words beside each field, never a field name.
  await submitCredentials(page, "ada@", "short");
  await expect(page.getByTestId("email-error")).toHaveText("Enter a valid email address, like ada@example.com.");
  await expect(page.getByTestId("password-error")).toHaveText("Use at least 8 characters for your password.");
  await expect(page.getByTestId("form-error")).toHaveCount(0);

  await submitCredentials(page, uniqueEmail("sample"), PASSWORD);
  await expect(page).toHaveURL(/\/review\?deck=/);
  await expect(page.getByTestId("review-card")).toBeVisible();
  await expect(page.getByText(/^\d+ new$/)).toBeVisible();
});

test("a new account has no deck until it takes the sample, and can put it away without losing progress", async ({ page }) => {
  await signUp(page);
  await expect(page.getByTestId("first-run")).toBeVisible();
  await expect(page.getByTestId("deck")).toHaveCount(0);
  expect(((await (await page.request.get("/api/review/session")).json()) as { counts: { new: number } }).counts.new).toBe(0);

  await page.getByTestId("try-sample").click();
  await expect(page).toHaveURL(/\/review\?deck=/);
  const before = Number(/^(\d+) new$/.exec((await page.getByText(/^\d+ new$/).textContent())!)![1]);
  await page.getByTestId("reveal").or(page.getByTestId("choice-option").first()).first().click();
  await page.getByTestId("grade-4").click();
  await expect(page.getByText(`${before - 1} new`)).toBeVisible();

  await page.goto("/");
  await page.getByTestId("put-sample-away").click();
  await expect(page.getByTestId("first-run")).toBeVisible();
  await takeSampleDeck(page);
  await expect(page.getByTestId("review-all")).toHaveText(`Review (${before - 1} due)`);
});

test("an unknown page and a deck that is not there show the app's layout with a way home", async ({ page }) => {
  expect((await page.goto("/no/such/page"))?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toContainText("Page not found");
  await expect(page.locator(".site-header .brand")).toBeVisible();
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page.getByTestId("landing")).toBeVisible();

  await signUp(page);
  for (const path of ["/documents/c0000000000000000000notreal", "/quiz/c0000000000000000000notreal", "/no/such/page"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByTestId("not-found")).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveCount(1);
  }
  await page.getByRole("link", { name: "Back to your decks" }).click();
  await expect(page.getByTestId("first-run")).toBeVisible();
});

test("'?' opens the shortcut sheet on every study page; the stats captions lead to the Help page", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  for (const path of ["/", "/review", "/stats", "/settings", "/documents/new"]) {
    await page.goto(path);
    const sheet = page.getByTestId("shortcut-sheet");
    // Pressed again until the page's script has loaded and listens.
    await expect(async () => {
      await page.keyboard.press("?");
      await expect(sheet).toBeVisible({ timeout: 1_000 });
    }).toPass();
    await expect(sheet).toContainText("Undo the last answer");
    await page.keyboard.press("Escape");
    await expect(sheet).toBeHidden();
  }
  // Keys are for the sheet while it is open: Space does not reveal the card behind it.
  await page.goto("/review");
  await expect(async () => {
    await page.keyboard.press("?");
    await expect(page.getByTestId("shortcut-sheet")).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await page.keyboard.press("Space");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("reveal").or(page.getByTestId("choice-option").first()).first()).toBeEnabled();

  await page.goto("/stats");
  await page.getByTestId("stats-retention").getByTestId("stats-help").click();
  await expect(page).toHaveURL(/\/help#true-retention$/);
  await expect(page.locator("#true-retention")).toContainText("How often you actually remembered");
  for (const term of ["FSRS", "Desired retention", "Stability", "Quizzes and the quiz rule"]) await expect(page.getByTestId("help-page")).toContainText(term);
});

/** Everything the answer step must show on a phone: the answer and the four grade buttons, inside the viewport. */
async function expectAnswerAndGradesInView(page: Page, label: string) {
  const viewport = page.viewportSize()!;
  const answer = page.locator("[data-testid=review-card] .cloze-answer, [data-testid=review-card] .choice.right").first();
  const grades = [1, 2, 3, 4].map((r) => page.getByTestId(`grade-${r}`));
  for (const target of [answer, ...grades]) {
    await expect(target).toBeInViewport({ ratio: 1 });
    const box = (await target.boundingBox())!;
    expect(box.y + box.height, label).toBeLessThanOrEqual(viewport.height);
  }
  for (const grade of grades) expect((await grade.boundingBox())!.height, `${label}: touch target`).toBeGreaterThanOrEqual(44);
  // The answer is not hidden under the grade buttons.
  const answerBox = (await answer.boundingBox())!;
  const gradesTop = (await page.getByTestId("grade-1").boundingBox())!.y;
  expect(answerBox.y + answerBox.height, `${label}: answer above the grades`).toBeLessThanOrEqual(gradesTop);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label}: horizontal scroll`).toBeLessThanOrEqual(0);
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("every card kind shows its answer and all four grades without scrolling, with a compact header and no key hints", async ({ page }) => {
    test.setTimeout(15 * 60_000); // 40 cards and more
    await signUp(page);
    for (const name of ["podcast-summary-history-of-vaccines.txt", "meeting-summary-product-launch.txt", "lecture-handout-photosynthesis.txt"]) {
      const text = readFileSync(`tests/fixtures/documents/${name}`, "utf8");
      expect((await page.request.post("/api/documents", { data: { text } })).ok()).toBeTruthy();
    }
    expect((await page.request.patch("/api/settings", { data: { dailyNewLimit: 200 } })).ok()).toBeTruthy();
    await page.goto("/review");
    const header = (await page.locator(".site-header").boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(60);
    await expect(page.locator(".review kbd").first()).toBeHidden();

    const checked = { cloze: 0, choice: 0 };
    let longest = 0;
    while ((checked.cloze < 20 || checked.choice < 20) && (await page.getByTestId("review-card").isVisible())) {
      const card = page.getByTestId("review-card");
      const kind = (await card.getAttribute("data-kind")) as "cloze" | "choice";
      longest = Math.max(longest, ((await page.getByTestId("prompt").textContent()) ?? "").length);
      await expect(page.getByTestId("reveal").or(page.getByTestId("choice-option").first()).first()).toBeInViewport();
      if (kind === "choice") await page.getByTestId("choice-option").last().tap();
      else await page.getByTestId("reveal").tap();
      await expectAnswerAndGradesInView(page, `${kind} card ${checked[kind] + 1}`);
      if (checked[kind] === 0) await screenshot(page, `review-phone-${kind}`);
      checked[kind]++;
      await page.getByTestId("grade-4").tap();
      await expect(card.or(page.getByTestId("session-summary"))).toBeVisible();
    }
    expect(checked.cloze).toBeGreaterThanOrEqual(20);
    expect(checked.choice).toBeGreaterThanOrEqual(20);
    expect(longest).toBeGreaterThan(150);
  });
});
