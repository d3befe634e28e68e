import { expect, test } from "@playwright/test";

test("the 404 page runs its scripts under the CSP and links home", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
  });
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toContainText("Page not found");
  // Hydrated: Next's router handles the link (a client-side navigation keeps this window object).
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await page.getByRole("link", { name: "Go to your decks" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(refused).toEqual([]);
});
