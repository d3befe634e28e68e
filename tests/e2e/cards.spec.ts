import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { screenshot, signUp, takeSampleDeck } from "./helpers";

// Long flows of many page loads: room for a busy machine (no step is timed).
test.describe.configure({ timeout: 240_000 });

const cellNotes = readFileSync("tests/fixtures/documents/study-notes-cell-biology.md", "utf8");
const lecture = readFileSync("lib/generator/fixtures/sleep-lecture.txt", "utf8");
const vaccines = readFileSync("tests/fixtures/documents/podcast-summary-history-of-vaccines.txt", "utf8");

/** A student's own notes on the heart: plain paragraphs under Markdown headings. */
const heartNotes = `# The Human Heart

The heart is a muscular organ that pumps blood through the circulatory system.

## Chambers

The heart has four chambers: two atria and two ventricles.
The left ventricle pumps oxygenated blood into the aorta.
The right ventricle pumps deoxygenated blood into the pulmonary artery.

## Valves

The mitral valve separates the left atrium from the left ventricle.
The tricuspid valve separates the right atrium from the right ventricle.
The aortic valve opens when the left ventricle contracts.

## Conduction

The sinoatrial node is the natural pacemaker of the heart.
A normal resting heart rate is between 60 and 100 beats per minute.
The atrioventricular node delays the electrical signal by about 0.1 seconds.
`;

async function preview(page: Page, text: string) {
  await page.goto("/documents/new");
  await page.fill("#document-text", text);
  await page.getByRole("button", { name: "Preview cards" }).click();
  await expect(page.getByTestId("import-preview")).toBeVisible({ timeout: 60_000 });
}

async function searchCards(page: Page, words: string) {
  await page.getByLabel("Search", { exact: true }).fill(words);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(words).replace(/%20/g, "\\+")}`));
}

test("a user edits and adds a card in the import preview, renames the deck, saves, and finds both cards in the browser by search", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  await preview(page, heartNotes);
  await expect(page.getByLabel("Title")).toHaveValue("The Human Heart");
  await page.getByLabel("Title").fill("Heart, week 3");
  await expect(page.getByTestId("import-preview").getByRole("heading", { level: 2 })).toHaveText("Heart, week 3");

  // Edit the first card's prompt: a bad edit is refused in place, a good one shows as edited.
  const first = page.getByTestId("preview-card").first();
  await first.getByRole("button", { name: "Edit" }).click();
  const prompt = first.getByLabel(/Text \(keep the gap as \[\.\.\.\]\)|Question/);
  const original = await prompt.inputValue();
  await prompt.fill("No gap in this one.");
  await first.getByRole("button", { name: "Save" }).click();
  await expect(first.getByRole("alert")).toContainText(/needs exactly one gap|Write the text around the answer/);
  const edited = `Zebrafish note: ${original}`;
  await prompt.fill(edited);
  await first.getByRole("button", { name: "Save" }).click();
  await expect(first.getByTestId("edited-chip")).toBeVisible();
  await expect(first.getByTestId("preview-prompt")).toHaveText(edited);
  await expect(first.getByRole("checkbox")).toBeChecked();

  // Write a card of one's own, as a choice question.
  const save = page.getByTestId("save-deck");
  const before = Number(/\((\d+) cards\)/.exec((await save.textContent())!)![1]);
  await page.getByTestId("preview-add").locator("summary").click();
  const add = page.getByRole("form", { name: "Add a card to the preview" });
  await add.getByLabel("Question with options").check();
  await add.getByLabel("Question", { exact: true }).fill("What is the heart's natural pacemaker?");
  await add.getByLabel("Answer").fill("The sinoatrial node");
  await add.getByLabel(/Options, one per line/).fill("The atrioventricular node\nThe sinoatrial node\nThe bundle of His");
  await add.getByRole("button", { name: "Add to the deck" }).click();
  await expect(page.getByTestId("written-card")).toContainText("What is the heart's natural pacemaker?");
  await expect(save).toHaveText(`Save deck (${before + 1} cards)`);
  await screenshot(page, "import-preview-edited");

  await save.click();
  await page.waitForURL((url) => /^\/documents\/(?!new$)[\w-]+$/.test(url.pathname));
  await expect(page.locator("h1")).toHaveText("Heart, week 3");

  // The browser finds the edited card by a word only the edit has, and the written one by its words.
  await page.getByTestId("browse-deck").click();
  await expect(page.getByTestId("card-row")).toHaveCount(before + 1);
  await searchCards(page, "zebrafish");
  await expect(page.getByTestId("card-row")).toHaveCount(1);
  await expect(page.getByTestId("card-row")).toContainText("Zebrafish note:");
  await expect(page.getByTestId("card-row")).toContainText("your wording");
  await searchCards(page, "natural pacemaker");
  const written = page.getByTestId("card-row").filter({ hasText: "written by you" });
  await expect(written).toHaveCount(1);
  await expect(written).toContainText("What is the heart's natural pacemaker?");
});

test("re-importing the same text says so; a changed version updates the deck and says what changed", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  await preview(page, heartNotes);
  await page.getByTestId("save-deck").click();
  await page.waitForURL((url) => /^\/documents\/(?!new$)[\w-]+$/.test(url.pathname));
  const deckUrl = page.url();

  await preview(page, heartNotes);
  await expect(page.getByTestId("import-match")).toContainText("This is the same text as your deck “The Human Heart”. Saving changes nothing");
  await page.getByTestId("save-deck").click();
  await expect(page).toHaveURL(deckUrl);
  await expect(page.getByTestId("import-result")).toHaveText("Nothing changed: this deck already has this text and these cards.");

  // A new version from the deck's page: the conduction section is gone, a section on blood vessels is new.
  await page.getByTestId("update-deck").click();
  await expect(page.locator("h1")).toHaveText("New version of “The Human Heart”");
  const changed = heartNotes.replace(/## Conduction[\s\S]*$/, "## Vessels\n\nArteries carry blood away from the heart, and veins return it.\nCapillaries are the smallest blood vessels, where oxygen passes into the tissues.\n");
  await page.fill("#document-text", changed);
  await page.getByRole("button", { name: "Preview cards" }).click();
  const notice = page.getByTestId("import-match");
  await expect(notice).toContainText("A new version of your deck “The Human Heart”.");
  await expect(page.getByTestId("import-changes")).toContainText(/\d+ new cards?, \d+ unchanged \(their history kept\), \d+ no longer in the text \(to be suspended\)/);
  await expect(page.getByTestId("save-deck")).toHaveText(/^Update deck \(\d+ cards\)$/);
  await screenshot(page, "import-new-version");
  await page.getByTestId("save-deck").click();
  await expect(page).toHaveURL(deckUrl);
  await expect(page.getByTestId("import-result")).toContainText(/Updated from the new text: \d+ new cards?, \d+ unchanged \(their history kept\), \d+ no longer in the text \(suspended\)/);
  await page.getByRole("link", { name: "See the suspended cards" }).click();
  const suspended = page.getByTestId("card-row");
  await expect(suspended.first()).toContainText("suspended");
  // a card of the conduction section, whichever of its facts the generator asked
  await expect(page.getByTestId("card-row").filter({ hasText: /sinoatrial|per minute|atrioventricular/ }).first()).toBeVisible();
});

test("a card suspended during review: z takes the suspension back, and the browser finds and unsuspends it", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  await page.goto("/review");
  const card = page.getByTestId("review-card");
  const suspendedId = (await card.getAttribute("data-card-id"))!;
  // Answer one, then suspend the next: z undoes the suspension, not the answer.
  await page.getByTestId("reveal").click();
  await page.keyboard.press("3");
  await expect(card).not.toHaveAttribute("data-card-id", suspendedId);
  const second = (await card.getAttribute("data-card-id"))!;
  await page.getByRole("button", { name: "Suspend card" }).click();
  await expect(card).not.toHaveAttribute("data-card-id", second);
  await expect(page.getByTestId("undo")).toContainText("Undo suspend");
  await page.keyboard.press("z");
  await expect(card).toHaveAttribute("data-card-id", second);
  await expect(page.getByTestId("undo")).toContainText("Undo answer");

  await page.getByRole("button", { name: "Suspend card" }).click();
  await expect(card).not.toHaveAttribute("data-card-id", second);
  await expect(page.getByTestId("undo")).toContainText("Undo suspend");

  await page.goto("/cards");
  await page.getByLabel("Suspended").selectOption("yes");
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByTestId("card-row");
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute("data-card-id", second);
  await expect(row.getByTestId("suspended-chip")).toBeVisible();
  await screenshot(page, "cards-suspended");
  await row.getByRole("button", { name: "Unsuspend" }).click();
  await expect(page.getByTestId("cards-message")).toHaveText("Unsuspended 1 card.");
  await expect(page.getByTestId("card-row")).toHaveCount(0);
  await expect(page.getByTestId("cards-total")).toHaveText("No cards match.");
});

test("the browser pages through a user's cards and acts on a selection: suspend, reset, move, delete after a confirmation", async ({ page }) => {
  await signUp(page);
  await takeSampleDeck(page);
  await preview(page, heartNotes);
  await page.getByTestId("save-deck").click();
  await page.waitForURL((url) => /^\/documents\/(?!new$)[\w-]+$/.test(url.pathname), { timeout: 60_000 });
  const deckUrl = page.url();

  for (const notes of [cellNotes, lecture, vaccines]) {
    await preview(page, notes);
    await page.getByTestId("save-deck").click();
    await page.waitForURL((url) => /^\/documents\/(?!new$)[\w-]+$/.test(url.pathname), { timeout: 60_000 });
  }

  // All decks: more than a page of 50 (the default deck and four documents).
  await page.goto("/cards");
  const total = Number(/^([\d,]+) cards/.exec((await page.getByTestId("cards-total").textContent())!)![1].replace(/,/g, ""));
  expect(total).toBeGreaterThan(50);
  await expect(page.getByTestId("cards-total")).toHaveText(`${total} cards, 1–50 shown`);
  await expect(page.getByTestId("card-row")).toHaveCount(50);
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("card-row")).toHaveCount(total - 50);
  await expect(page.getByText(`Page 2 of ${Math.ceil(total / 50)}`)).toBeVisible();

  // The notes' deck only, filtered by kind and sorted; the Deck filter keeps the deck in the address.
  await page.goto(deckUrl);
  await page.getByTestId("browse-deck").click();
  await expect(page).toHaveURL(/\/cards\?document=/);
  const rows = page.getByTestId("card-row");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(3);
  await page.getByLabel("Kind").selectOption("cloze");
  await page.getByLabel("Sort").selectOption("due");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/kind=cloze/);
  await expect(page).toHaveURL(/sort=due/);
  expect(await rows.evaluateAll((items) => [...new Set(items.map((item) => item.getAttribute("data-kind")))])).toEqual(["cloze"]);
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(rows).toHaveCount(count);

  // Select two, suspend them; they show as suspended.
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  await expect(page.getByTestId("select-page").locator("..")).toContainText("2 selected");
  await page.getByRole("toolbar").getByRole("button", { name: "Suspend", exact: true }).click();
  await expect(page.getByTestId("cards-message")).toHaveText("Suspended 2 cards.");
  await expect(page.getByTestId("suspended-chip")).toHaveCount(2);

  // Move the first card to another topic.
  const moved = (await rows.nth(0).getAttribute("data-card-id"))!;
  await rows.nth(0).getByRole("checkbox").check();
  await page.getByLabel("Move to topic").selectOption({ label: "2. Valves" });
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByTestId("cards-message")).toHaveText("Moved 1 card.");
  await expect(page.locator(`[data-card-id="${moved}"]`)).toContainText("› Valves");

  // Reset to new keeps the cards; delete asks first, naming how many, then they are gone.
  await page.getByTestId("select-page").check();
  await page.getByRole("toolbar").getByRole("button", { name: "Reset to new" }).click();
  await expect(page.getByTestId("cards-message")).toContainText("to new; their history is kept.");
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  await rows.nth(2).getByRole("checkbox").check();
  await page.getByRole("toolbar").getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Delete 3 cards and their review history? This cannot be undone.");
  await screenshot(page, "cards-delete-confirm");
  await page.getByTestId("confirm-delete").click();
  await expect(page.getByTestId("cards-message")).toHaveText("Deleted 3 cards and their history.");
  await expect(rows).toHaveCount(count - 3);
});
