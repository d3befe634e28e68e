/**
 * The failure classes blind ratings found on documents the project had never seen (issue 12,
 * round 2), pinned on fixtures written in those genres: each file goes through the document
 * readers, as an upload does.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocument } from "../documents";
import { generateDeck } from "./generate-deck";
import { GAP, type CardDraft, type DeckDraft } from "./types";

const FIXTURES = "tests/fixtures/documents";
const decks = new Map<string, { deck: DeckDraft; cards: CardDraft[] }>();

async function deckOf(file: string) {
  if (!decks.has(file)) {
    const { text } = await readDocument(readFileSync(`${FIXTURES}/${file}`), { fileName: file });
    const deck = generateDeck(text);
    decks.set(file, { deck, cards: [...deck.cards, ...deck.candidates] });
  }
  return decks.get(file)!;
}

const GENRES = [
  "tutorial-python-sets.rst", "pep-lazy-imports.txt", "textbook-chapter-acids-bases.md", "cheatsheet-system-design.md", "faq-saved-page.html",
  "textbook-section-plate-tectonics.md",
];
const sectionOf = (deck: DeckDraft, card: CardDraft) => deck.topics.find((t) => t.path === card.topic)?.title ?? deck.title;

describe("documents of the genres learners bring", () => {
  it.each(GENRES)("%s: cards from clean prose, never from markup, front matter or anchors", async (file) => {
    const { deck, cards } = await deckOf(file);
    expect(deck.cards.length).toBeGreaterThanOrEqual(4);
    for (const text of [deck.title, ...deck.topics.map((t) => t.title), ...cards.flatMap((c) => [c.prompt, c.answer])]) {
      expect(text).not.toMatch(/:(?:meth|func|class|exc|term|ref):|``|`_|¶|\blayout:|\bpermalink:|^title:|>>>|Traceback|\(not pictured\)|\^|\{:|<\/?div|markdown=/);
    }
  });

  it.each(GENRES)("%s: nothing from references, reading lists, practice questions, resources or the document's furniture", async (file) => {
    const { deck, cards } = await deckOf(file);
    const apparatus = /^(?:references|further reading|review questions|resources|copyright|where can i find more help)/i;
    expect(cards.filter((c) => apparatus.test(sectionOf(deck, c)))).toEqual([]);
    for (const card of cards) expect(card.prompt).not.toMatch(/\binterviewer\b|\bsee the tutorials\b|\brefer to the following\b|et al\.|\(\d{4}\)\./i);
  });

  it("never blanks an example slot, a gloss in parentheses or the other half of an opposite pair", async () => {
    for (const file of GENRES) {
      for (const { prompt } of (await deckOf(file)).cards) {
        const before = prompt.slice(0, prompt.indexOf(GAP));
        const after = prompt.slice(prompt.indexOf(GAP) + GAP.length);
        expect(before).not.toMatch(/(?:such as|like|e\.g\.|following[\w ]*:)\s*$/i);
        expect(after).not.toMatch(/^\s*\(/);
        expect(before).not.toMatch(/\(\s*$/);
      }
    }
  });

  it("asks the textbook's terms and numbers, not the author's anecdote or a formula beside its name", async () => {
    const { cards } = await deckOf("textbook-chapter-acids-bases.md");
    const answers = cards.map((c) => c.answer);
    expect(answers).toEqual(expect.arrayContaining(["conjugate base", "equivalence point", "Buffer"]));
    expect(cards.filter((c) => /\bI\b|\bmy\b/.test(c.prompt))).toEqual([]);
    expect(answers).not.toContain("HCl");
  });

  it("never asks a number the prompt's other numbers compute, and keeps the ones they do not", async () => {
    const { deck, cards } = await deckOf("cheatsheet-system-design.md");
    expect(cards.map((c) => c.answer)).not.toEqual(expect.arrayContaining(["36 TB"]));
    expect(cards.filter((c) => /^100\b/.test(c.answer) && /seeks/.test(c.prompt))).toEqual([]);
    expect(deck.cards.some((c) => c.answer === "250")).toBe(true);
  });

  it("reads a PEP saved as .txt as reStructuredText and asks its design, not its header", async () => {
    const { deck } = await deckOf("pep-lazy-imports.txt");
    expect(deck.title).toBe("Lazy Module Imports for Faster Start-up");
    expect(deck.cards.map((c) => c.answer)).toEqual(expect.arrayContaining(["proxy object", "soft keyword"]));
  });

  it("reads a kramdown textbook section (round 3): objectives, review questions and carets give nothing, the glossary gives its terms", async () => {
    const { deck, cards } = await deckOf("textbook-section-plate-tectonics.md");
    expect(deck.topics.map((t) => t.title)).toEqual(["Layers That Move", "Plate Boundaries", "Section Summary", "Review Questions", "Glossary"]);
    const glossary = deck.cards.filter((c) => sectionOf(deck, c) === "Glossary");
    expect(glossary.map((c) => c.answer).sort()).toEqual(["Pangaea", "asthenosphere", "lithosphere", "subduction"]);
    expect(cards.filter((c) => /^(Describe|Explain|Discuss)\b|you will be able|Mid-Atlantic Ridge\?/.test(c.prompt))).toEqual([]);
    // the summary restates the body: each claim is asked once
    expect(deck.cards.filter((c) => /subduction|Subduction/.test(c.source) && c.answer !== "subduction").length).toBeLessThanOrEqual(1);
  });

  it("does not blank a name beside the version number that is the fact", async () => {
    const { cards } = await deckOf("tutorial-python-sets.rst");
    expect(cards.filter((c) => /\[\.\.\.\] \d/.test(c.prompt))).toEqual([]);
  });
});
