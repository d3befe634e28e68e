import { expect, test } from "@playwright/test";
import { PASSWORD, screenshot, signUp, submitCredentials, takeSampleDeck, uniqueEmail } from "./helpers";

test("a new user signs up, takes the sample deck, signs out and back in", async ({ page }) => {
  await page.goto("/review");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Freview/);

  await page.goto("/sign-up");
  const email = uniqueEmail("account");
  await submitCredentials(page, email, "short");
  await expect(page.getByTestId("password-error")).toHaveText("Use at least 8 characters for your password.");

  await submitCredentials(page, email, PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
  await expect(page.getByTestId("first-run")).toBeVisible();
  await takeSampleDeck(page);
  const deck = page.getByTestId("deck").first();
  await expect(deck.getByTestId("deck-cards")).toHaveText(/^\d+ cards$/);
  const cards = Number((await deck.getByTestId("deck-cards").textContent())!.split(" ")[0]);
  expect(cards).toBeGreaterThan(10);
  await expect(page.getByTestId("review-all")).toHaveText(`Review (${Math.min(20, cards)} due)`);
  await screenshot(page, "home-desktop");
  await page.setViewportSize({ width: 375, height: 812 });
  await screenshot(page, "home-phone");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/review");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Freview/);

  await submitCredentials(page, email, "wrong password!");
  await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");

  await submitCredentials(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByTestId("review-card")).toBeVisible();
});

test("the same email cannot sign up twice", async ({ page, browser }) => {
  const email = await signUp(page);
  const other = await browser.newPage();
  await other.goto("/sign-up");
  await other.fill("#email", email.toUpperCase());
  await other.fill("#password", PASSWORD);
  await other.click("button[type=submit]");
  await expect(other.getByTestId("form-error")).toHaveText("An account with this email already exists. Sign in instead.");
  await other.getByRole("link", { name: "Sign in instead." }).click();
  await expect(other).toHaveURL(/\/sign-in/);
  await other.close();
});

test("signed-out API calls get 401 JSON", async ({ request }) => {
  const response = await request.get("/api/review/session");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Sign in to continue." } });
});
