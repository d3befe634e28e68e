import { expect, test } from "@playwright/test";
import { signUp, takeSampleDeck } from "./helpers";

test("study settings change what a session serves", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  await page.goto("/settings");
  await page.fill("#dailyNewLimit", "5");
  await page.fill("#timeZone", "Asia/Tokyo");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("settings-message")).toHaveText("Saved. Your next review session uses these settings.");
  await page.goto("/");
  await expect(page.getByTestId("review-all")).toHaveText("Review (5 due)");

  await page.goto("/settings");
  await expect(page.locator("#timeZone")).toHaveValue("Asia/Tokyo");
  // The browser refuses an out-of-range value before sending; the server refuses it too.
  await page.fill("#desiredRetention", "50");
  expect(await page.locator("#desiredRetention").evaluate((input: HTMLInputElement) => input.validity.rangeUnderflow)).toBe(true);
  const response = await page.request.patch("/api/settings", { data: { desiredRetention: 0.5 } });
  expect(response.status()).toBe(400);
  expect((await response.json()).error.message).toBe("Desired retention must be at least 70%.");
});
