// One browser against the production shape (scripts/cluster.sh): every request goes through
// nginx to either app process in turn, so sign-up, sign-in, grading, undo and page loads hop
// between processes, and the review still behaves as on one server.
import { expect, test, type Page } from "@playwright/test";
import { signUp, takeSampleDeck } from "../e2e/helpers";

async function currentCardId(page: Page): Promise<string> {
  const card = page.getByTestId("review-card");
  await expect(card).toBeVisible();
  return (await card.getAttribute("data-card-id"))!;
}

async function answerGood(page: Page): Promise<void> {
  const card = page.getByTestId("review-card");
  await page.keyboard.press((await card.getAttribute("data-kind")) === "choice" ? "1" : "Space");
  await expect(page.getByTestId("grade-3")).toBeVisible();
  await page.keyboard.press("3");
}

test("a user signs up, reviews, undoes and reloads while requests alternate between two app processes", async ({ page }) => {
  const servedBy = new Map<string, Set<string>>();
  page.on("response", (response) => {
    const by = response.headers()["x-served-by"];
    const { pathname } = new URL(response.url());
    if (by) servedBy.set(pathname, (servedBy.get(pathname) ?? new Set()).add(by));
  });

  await signUp(page);
  await takeSampleDeck(page);
  await page.getByTestId("review-all").click();
  const newCards = Number(/^(\d+) new$/.exec((await page.getByText(/^\d+ new$/).textContent())!)![1]);
  expect(newCards).toBeGreaterThan(8);

  const seen: string[] = [];
  for (let i = 0; i < 8; i++) {
    seen.push(await currentCardId(page));
    await answerGood(page);
  }
  await expect(page.getByTestId("review-card")).not.toHaveAttribute("data-card-id", seen.at(-1)!);

  // Undo, wherever it lands, brings back the last card answered.
  await page.keyboard.press("z");
  await expect(page.getByTestId("review-card")).toHaveAttribute("data-card-id", seen.at(-1)!);
  await answerGood(page);

  // A reload on either process shows the same session: 8 new cards answered Good (learning for 10 minutes).
  await page.reload();
  await expect(page.getByText(`${newCards - 8} new`)).toBeVisible();
  expect(await currentCardId(page)).not.toBe(seen.at(-1));

  expect(servedBy.get("/api/review/grade")?.size, JSON.stringify([...servedBy].map(([p, s]) => [p, [...s]]))).toBe(2);
});
