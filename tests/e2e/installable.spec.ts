import { expect, test } from "@playwright/test";
import { signUp, takeSampleDeck } from "./helpers";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

test("the manifest has what an install needs, and every icon is a PNG of its stated size", async ({ page, request }) => {
  await page.goto("/sign-in");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#3b5bdb");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /\.png$/);

  const response = await request.get(href!);
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: "Keypoint", short_name: "Keypoint", display: "standalone", scope: "/" });
  expect(manifest.start_url).toMatch(/^\//);
  expect(manifest.theme_color).toMatch(/^#/);
  expect(manifest.background_color).toMatch(/^#/);
  const icons: { src: string; sizes: string; type: string; purpose?: string }[] = manifest.icons;
  expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect(icons.some((icon) => icon.purpose === "maskable")).toBe(true);
  for (const icon of [...icons, { src: (await page.locator('link[rel="apple-touch-icon"]').getAttribute("href"))!, sizes: "180x180", type: "image/png" }]) {
    const file = await request.get(icon.src);
    expect(file.ok(), icon.src).toBe(true);
    expect(file.headers()["content-type"]).toBe("image/png");
    expect(pngSize(await file.body())).toBe(icon.sizes);
  }
});

test("a service worker controls the pages, keeps the review page and shows an offline page for the rest", async ({ page, context }) => {
  await signUp(page);
  await takeSampleDeck(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe("/");
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? null)).toBe("activated");
  const scriptURL = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
  expect(new URL(scriptURL).pathname).toBe("/sw.js");

  // Installed before signing in, the worker keeps the review page and its scripts once a signed-in page asks.
  // (the page kept is the one with the sample deck taken, not the empty one of the sign-up)
  await expect.poll(() => page.evaluate(async () => (await (await caches.match("/review"))?.text())?.includes('data-testid="review-card"') ?? false)).toBe(true);
  await context.setOffline(true);
  await page.goto("/review");
  await expect(page.getByTestId("review-card")).toBeVisible();
  await page.goto("/stats");
  await expect(page.getByTestId("offline-page")).toContainText("You are offline");
  await page.getByRole("link", { name: "Review" }).first().click();
  await expect(page.getByTestId("review-card")).toBeVisible();
  await context.setOffline(false);

  await page.goto("/stats");
  await expect(page.getByRole("heading", { name: "Statistics" })).toBeVisible();
});
