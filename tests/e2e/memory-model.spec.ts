import { expect, test } from "@playwright/test";
import { openBulkWriter } from "../../bench/bulk-writer";
import { loadLearner } from "../../bench/synthetic-learner";
import { hashPassword } from "../../lib/auth/password";
import { createDb } from "../../lib/db/runtime/client";
import { e2eDatabase } from "./database";
import { PASSWORD, screenshot, submitCredentials, uniqueEmail } from "./helpers";

/** Each review card's due date, from the cards export the user can download. */
async function dueDates(request: import("@playwright/test").APIRequestContext): Promise<Map<string, string>> {
  const csv = await (await request.get("/api/export/cards")).text();
  const lines = csv.trim().split("\r\n").slice(1);
  return new Map(lines.filter((line) => line.includes(",review,")).map((line) => [line.split(",")[0], line.split(",review,")[1].split(",")[0]]));
}

test("a learner with a history optimises, sees the metrics, adopts, and due dates move only when rescheduling is chosen", async ({ page }) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("optimiser");
  const target = e2eDatabase();
  const writer = await openBulkWriter(target);
  await loadLearner(writer, { tag: `e2e${Date.now().toString(36)}`, email, passwordHash: await hashPassword(PASSWORD), cards: 500, days: 240, newPerDay: 6, seed: 5, now: new Date() });
  await writer.close();

  await page.goto("/sign-in");
  await submitCredentials(page, email, PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
  await page.goto("/settings");
  const panel = page.getByTestId("memory-model");
  await expect(panel.getByTestId("params-text")).toHaveValue(/^0\.212, 1\.2931, /);
  await expect(panel.getByTestId("workload")).toBeVisible({ timeout: 30_000 });

  await panel.getByRole("button", { name: "Optimise" }).click();
  await expect(panel.getByTestId("memory-model-progress")).toBeVisible();
  await expect(panel.getByRole("progressbar")).toBeVisible();
  const table = panel.getByTestId("metrics-table");
  await expect(table).toBeVisible({ timeout: 90_000 });
  await expect(table.locator("tbody tr")).toHaveCount(3);
  await expect(panel.getByTestId("optimisation-message")).toContainText(/^The new parameters predict your recall better than the default parameters/);
  await screenshot(page, "memory-model-result");

  // Adopt without rescheduling: memory changes, due dates do not.
  const before = await dueDates(page.request);
  expect(before.size).toBeGreaterThan(50);
  await expect(panel.getByTestId("reschedule")).not.toBeChecked();
  await panel.getByRole("button", { name: "Adopt new parameters" }).click();
  await expect(panel.getByTestId("recompute-message")).toContainText("due dates stay as they were", { timeout: 60_000 });
  await expect(panel.getByTestId("params-text")).not.toHaveValue(/^0\.212, 1\.2931, /);
  expect(await dueDates(page.request)).toEqual(before);
  await expect(panel.getByTestId("parameter-history").locator("tbody tr")).toHaveCount(1);

  // Back to the defaults, choosing to reschedule: review cards' due dates move.
  await panel.getByTestId("reschedule").check();
  await panel.getByRole("button", { name: "Back to defaults" }).click();
  await expect(panel.getByTestId("recompute-message")).toContainText("due dates moved", { timeout: 60_000 });
  const after = await dueDates(page.request);
  const moved = [...before].filter(([id, due]) => after.get(id) !== due).length;
  expect(moved).toBeGreaterThan(before.size / 4);
  await expect(panel.getByTestId("params-text")).toHaveValue(/^0\.212, 1\.2931, /);
  await screenshot(page, "memory-model-history");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "memory-model-phone");

  // The user's history is theirs alone: the rows the server keeps match the learner.
  const db = createDb(target);
  try {
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await db.parameterSet.count({ where: { userId: user.id } })).toBe(2);
  } finally {
    await db.$disconnect();
  }
});
