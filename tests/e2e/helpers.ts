import { expect, type Page } from "@playwright/test";

export const PASSWORD = "correct horse battery";

export function uniqueEmail(prefix = "learner"): string {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** Fills the sign-in or sign-up form on screen and submits it. */
export async function submitCredentials(page: Page, email: string, password: string): Promise<void> {
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("button[type=submit]");
}

/** Signs up a new user through the form and lands on the home page. */
export async function signUp(page: Page, email = uniqueEmail()): Promise<string> {
  await page.goto("/sign-up");
  await submitCredentials(page, email, PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
  return email;
}

/** New accounts start without a deck: this takes the sample deck, as "Try with a sample deck" does, and opens the home page. */
export async function takeSampleDeck(page: Page): Promise<void> {
  expect((await page.request.post("/api/sample-deck")).ok()).toBeTruthy();
  await page.goto("/");
  await expect(page.getByTestId("deck").first()).toContainText("What DeepSeek's Progress Means");
}

/** Moves the server's clock forward (test hook, KEYPOINT_TEST_HOOKS=1). */
export async function moveServerClock(page: Page, offsetMs: number): Promise<void> {
  const response = await page.request.post("/api/test/clock", { data: { offsetMs } });
  expect(response.ok()).toBeTruthy();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `tests/.artifacts/screens/${name}.png`, fullPage: true });
}

/** Answers the quiz question on screen with the keyboard (`typed` into a typed question, True, or option 1) and waits for the feedback. */
export async function answerQuizQuestion(page: Page, typed = "a guess"): Promise<void> {
  const question = page.getByTestId("quiz-question");
  await expect(question).toBeVisible();
  const type = await question.getAttribute("data-type");
  if (type === "typed") await page.keyboard.type(typed);
  else if (type === "truefalse") await page.keyboard.press("t");
  else await page.keyboard.press("1");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("quiz-feedback")).toBeVisible();
}
