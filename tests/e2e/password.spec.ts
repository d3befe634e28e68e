import { expect, test } from "@playwright/test";
import { PASSWORD, signUp, uniqueEmail, takeSampleDeck } from "./helpers";

const NEW_PASSWORD = "a brand new passphrase";

test("changing the password signs out every other session and keeps this one signed in", async ({ page, browser }) => {
  const email = await signUp(page);
  await takeSampleDeck(page);

  // A second browser (another device) signed in as the same user.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/sign-in");
  await otherPage.fill("#email", email);
  await otherPage.fill("#password", PASSWORD);
  await otherPage.click("button[type=submit]");
  await expect(otherPage.getByTestId("signed-in-as")).toHaveText(email);
  expect((await otherPage.request.get("/api/review/session")).status()).toBe(200);

  await page.getByTestId("signed-in-as").click();
  await expect(page).toHaveURL(/\/account$/);
  // A wrong current password is refused and changes nothing.
  await page.fill("#currentPassword", "not my password");
  await page.fill("#newPassword", NEW_PASSWORD);
  await page.fill("#confirmPassword", NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Your current password is not right.");
  expect((await otherPage.request.get("/api/review/session")).status()).toBe(200);

  await page.fill("#currentPassword", PASSWORD);
  await page.fill("#newPassword", NEW_PASSWORD);
  await page.fill("#confirmPassword", NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("form-done")).toHaveText("Password changed. Every other device has been signed out.");

  // This browser signed in again with the new password; the other one is out.
  await page.goto("/review");
  await expect(page).toHaveURL(/\/review$/);
  expect((await page.request.get("/api/review/session")).status()).toBe(200);
  expect((await otherPage.request.get("/api/review/session")).status()).toBe(401);
  await otherPage.goto("/review");
  await expect(otherPage).toHaveURL(/\/sign-in\?callbackUrl=%2Freview/);

  // The old password no longer works; the new one does.
  await otherPage.fill("#email", email);
  await otherPage.fill("#password", PASSWORD);
  await otherPage.click("button[type=submit]");
  await expect(otherPage.getByTestId("form-error")).toHaveText("Wrong email or password.");
  await otherPage.fill("#password", NEW_PASSWORD);
  await otherPage.click("button[type=submit]");
  await expect(otherPage).toHaveURL(/\/review$/);
  await other.close();
});

test("five failed sign-ins stop that address with a clear message, while the owner elsewhere still signs in", async ({ browser }) => {
  // Its own client address, so the lock does not reach the other tests' sign-ins.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } });
  const page = await context.newPage();
  const email = await signUp(page, uniqueEmail("locked"));
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.waitForLoadState("networkidle");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.fill("#email", email);
    await page.fill("#password", `wrong password ${attempt}`);
    await page.click("button[type=submit]");
    await expect(page.getByTestId("form-error")).toHaveText("Wrong email or password.");
    await expect(page.locator("button[type=submit]")).toBeEnabled();
  }
  // Even the right password is refused now, with the wait spelled out.
  await page.fill("#password", PASSWORD);
  await page.click("button[type=submit]");
  await expect(page.getByTestId("form-error")).toHaveText("Too many failed sign-ins. Try again in 15 minutes.");
  await context.close();

  // Five wrong tries from one place do not lock the account's owner out from another.
  const owner = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.23" } });
  const ownerPage = await owner.newPage();
  await ownerPage.goto("/sign-in");
  await ownerPage.waitForLoadState("networkidle");
  await ownerPage.fill("#email", email);
  await ownerPage.fill("#password", PASSWORD);
  await ownerPage.click("button[type=submit]");
  await expect(ownerPage).not.toHaveURL(/\/sign-in/);
  await owner.close();
});
