import { describe, expect, it } from "vitest";
import { generateDeck, parseDocument, GAP } from "./index";
import { rewriteDefinitionLayouts } from "./definition-layouts";
import { answerLeaks } from "./leak";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const glossaries = join(__dirname, "../../tests/fixtures/documents/glossaries");

describe("definition layouts", () => {
  it("rewrites definition lists, with loose entries, continuation lines and further definitions", () => {
    const { text, terms } = rewriteDefinitionLayouts("Biome\n: A large region.\n  It has one climate.\n: Example: the tundra.\n\nMutualism\n\n:   Both partners benefit.\n");
    expect(text).toContain("- **Biome**: A large region. It has one climate. Example: the tundra.");
    expect(text).toContain("- **Mutualism**: Both partners benefit.");
    expect([...terms]).toEqual(["Biome", "Mutualism"]);
  });

  it("rewrites MyST glossary fences (backticks and colons), skipping options and keeping other code", () => {
    const input = "```{glossary}\n:sorted:\n\nMedian\n  The middle value.\n```\n\n:::{glossary}\nNull hypothesis\nH0\n  The default claim.\n:::\n\n```python\nx\n: not a definition\n```\n";
    const { text } = rewriteDefinitionLayouts(input);
    expect(text).toContain("- **Median**: The middle value.");
    expect(text).toContain("- **Null hypothesis**: The default claim.");
    expect(text).toContain("```python\nx\n: not a definition\n```");
    expect(text).not.toMatch(/\{glossary\}|:sorted:/);
  });

  it("makes every glossary entry a definition, in a glossary with no sections too", () => {
    const doc = parseDocument(readFileSync(join(glossaries, "ecology-definition-list.md"), "utf8"));
    expect(doc.definitions.map((b) => b.term)).toEqual(["Biome", "Carrying capacity", "Keystone species", "Trophic level", "Ecological succession", "Mutualism", "Eutrophication"]);
  });

  it.each(["ecology-definition-list.md", "statistics-myst-glossary.md", "networking-terms-table.md"])("%s gives each laid-out term a card, without markup", (name) => {
    const text = readFileSync(join(glossaries, name), "utf8");
    const deck = generateDeck(text);
    const doc = parseDocument(text);
    const glossaryTerms = [...doc.definitions, ...doc.sections.flatMap((s) => s.blocks)].filter((b) => b.glossary).map((b) => b.term!);
    expect(glossaryTerms.length).toBeGreaterThanOrEqual(5);
    // in English the term is the fact, asked once: definition → term, or term → definition when the
    // definition names its term ("Keystone species: A species whose…") and would give it away
    const entries = [...doc.definitions, ...doc.sections.flatMap((s) => s.blocks)].filter((b) => b.glossary);
    for (const { term, text: definition } of entries) {
      const namesTerm = answerLeaks(term!, definition);
      const backwards = deck.cards.some((c) => c.prompt === `${term}: ${GAP}` && c.kind === "choice");
      const forwards = deck.cards.some((c) => c.answer === term && c.prompt.startsWith(`${GAP}: `));
      expect([forwards, backwards], term).toEqual(namesTerm ? [false, false] : [true, false]);
    }
    for (const card of deck.cards) expect(`${card.prompt} ${card.answer} ${(card.options ?? []).join(" ")}`).not.toMatch(/\*\*|\{glossary\}|:::|```|\|/);
  });
});
