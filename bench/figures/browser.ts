/**
 * Figure 6 in Chromium (Debian's, through Playwright): the review page's
 * first-load JavaScript as the browser fetches it (each /_next/static script,
 * gzipped), and the time from a grade key press to the next card on screen,
 * measured inside the page from the keydown event to the frame after the card changes.
 */
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import playwrightConfig from "../../playwright.config";
import { log, median, percentile } from "../measure";
import { row, type Row } from "../report";

const MEASURE_SCRIPT = `
  window.__keyToCard = [];
  let pressedAt = null, fromId = null;
  const currentId = () => document.querySelector('[data-testid="review-card"]')?.getAttribute("data-card-id") ?? null;
  window.addEventListener("keydown", (event) => {
    if ("1234".includes(event.key)) { pressedAt = event.timeStamp; fromId = currentId(); }
  }, true);
  new MutationObserver(() => {
    if (pressedAt === null) return;
    const id = currentId();
    if (id && id !== fromId) {
      const start = pressedAt;
      pressedAt = null;
      requestAnimationFrame(() => setTimeout(() => window.__keyToCard.push(performance.now() - start), 0));
    }
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-card-id"] });
`;

export async function browserFigures(baseUrl: string, sessionToken: string, cards: number): Promise<Row[]> {
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: "next-auth.session-token", value: sessionToken, url: baseUrl }]);
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    page.on("response", async (response) => {
      const url = response.url();
      if (!url.includes("/_next/static/") || !url.endsWith(".js")) return;
      try {
        scripts.set(url, gzipSync(await response.body()).length);
      } catch {
        // a response without a body (e.g. a redirect) has no size to add
      }
    });
    await page.goto(`${baseUrl}/review`, { waitUntil: "networkidle" });
    // The service worker the page installs counts too (the browser fetches it apart from the page).
    scripts.set(`${baseUrl}/sw.js`, gzipSync(await (await context.request.get(`${baseUrl}/sw.js`)).body()).length);
    const firstLoad = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
    log(`review page first load: ${scripts.size} scripts (service worker included), ${firstLoad.toFixed(1)} KB gzip`);

    await page.evaluate(MEASURE_SCRIPT);
    page.on("pageerror", (error) => log(`page error: ${error.message}`));
    const card = page.getByTestId("review-card");
    for (let i = 0; i < cards; i++) {
      await card.waitFor();
      const id = await card.getAttribute("data-card-id");
      const kind = await card.getAttribute("data-kind");
      // Until the page has hydrated a key press does nothing: press again (only the first card can need it).
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press(kind === "choice" ? "1" : "Space");
        try {
          await page.getByTestId("grade-3").waitFor({ timeout: 3_000 });
          break;
        } catch (error) {
          if (attempt >= 5) {
            await page.screenshot({ path: "bench-results/browser-failure.png" }).catch(() => undefined);
            throw error;
          }
        }
      }
      await page.keyboard.press("3");
      await page.waitForFunction(
        (before) => document.querySelector('[data-testid="review-card"]')?.getAttribute("data-card-id") !== before,
        id,
      );
    }
    await page.waitForFunction((n) => (window as unknown as { __keyToCard: number[] }).__keyToCard.length >= n, cards);
    const latencies = await page.evaluate(() => (window as unknown as { __keyToCard: number[] }).__keyToCard);
    return [
      row({ figure: "6 review page first-load JS (gzip)", db: "-", size: `${scripts.size} scripts`, unit: "KB", median: firstLoad,
        target: "≤ 200 KB", met: firstLoad <= 200 }),
      row({ figure: "6 grade key press → next card on screen", db: "-", size: `${latencies.length} cards`, unit: "ms", median: median(latencies),
        p99: percentile(latencies, 99), target: "median ≤ 100 ms", met: median(latencies) <= 100 }),
    ];
  } finally {
    await browser.close();
  }
}
