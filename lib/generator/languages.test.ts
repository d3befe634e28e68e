import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GAP, generateDeck, languageNotice, parseDocument } from "./index";
import { findDefects } from "./defects";
import { extractNumericClaims } from "./numeric-claims";
import { splitSentences } from "./sentences";

const dir = join(__dirname, "../../tests/fixtures/documents/languages");
const read = (name: string) => readFileSync(join(dir, name), "utf8");

const FIXTURES: [string, string][] = [
  ["de-photosynthese.md", "de"], ["fr-revolution.md", "fr"], ["es-volcanes.md", "es"],
  ["it-rinascimento.txt", "it"], ["pt-amazonia.md", "pt"], ["nl-klimaat.md", "nl"],
];

describe.each(FIXTURES)("a document in another language: %s", (name, language) => {
  const text = read(name);
  const deck = generateDeck(text);
  const doc = parseDocument(text);

  it("detects its language and makes only choice cards, from numbers and layout", () => {
    expect(deck.language).toBe(language);
    expect(deck.mode).toBe("layout");
    expect(deck.cards.length).toBeGreaterThan(5);
    for (const card of [...deck.cards, ...deck.candidates]) {
      expect(card.kind, card.prompt).toBe("choice");
      expect(card.prompt.split(GAP)).toHaveLength(2);
      expect(card.options!.filter((o) => o === card.answer)).toHaveLength(1);
      expect(new Set(card.options).size).toBe(card.options!.length);
    }
    expect(findDefects(deck).filter((d) => d.defect !== "thin-context")).toEqual([]);
  });

  it("asks every sentence with a numeric claim as a choice whose answer is the whole quantity", () => {
    const blocks = doc.sections.flatMap((s) => s.blocks.filter((b) => !b.term).map((b) => b.text));
    const withClaims = blocks.flatMap(splitSentences).filter((s) => extractNumericClaims(s, language).length > 0);
    expect(withClaims.length).toBeGreaterThanOrEqual(3);
    for (const sentence of withClaims) {
      const card = deck.cards.find((c) => c.source === sentence);
      expect(card, sentence).toBeDefined();
      const claim = extractNumericClaims(sentence, language).find((c) => c.answer === card!.answer);
      expect(claim, `${sentence} → ${card!.answer}`).toBeDefined();
      // the prompt keeps no piece of the quantity: "[...] 35 °C" with "25 bis" as the answer is a split
      expect(card!.prompt.replace(GAP, "")).not.toContain(card!.answer);
      for (const option of card!.options!) expect(option, card!.prompt).toMatch(/\d$|\d\s?(?:%|°C|\p{L}+\.?)$/u);
    }
  });

  it("gives every laid-out definition a card, and asks most of them both ways", () => {
    const terms = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.term ? [b.term] : [])));
    expect(terms.length).toBeGreaterThanOrEqual(4);
    for (const term of terms) expect(deck.cards.some((c) => c.answer === term && c.prompt.startsWith(`${GAP}: `)), term).toBe(true);
    // term → definition needs two other definitions that do not name the term ("Chloroplasten" under "Chlorophyll")
    const backwards = terms.filter((term) => deck.cards.some((c) => c.prompt === `${term}: ${GAP}`));
    expect(backwards.length).toBeGreaterThanOrEqual(terms.length / 2);
  });

  it("says plainly what it made and why", () => {
    expect(languageNotice(deck)).toMatch(new RegExp(`Full cloze cards are made for English documents only; .* made ${deck.cards.length} choice cards`));
  });
});

describe("documents that are not study notes in English", () => {
  it("says so and gives no card when a document in another language has no numbers or definitions", () => {
    const deck = generateDeck(read("de-ohne-karten.md"));
    expect(deck).toMatchObject({ language: "de", mode: "layout", cards: [], candidates: [] });
    expect(languageNotice(deck)).toMatch(/in German.*gave no cards and nothing can be saved/);
  });

  it("judges a mixed document by its main language and makes cloze cards only from its English passages", () => {
    const deck = generateDeck(read("en-control-with-french-quote.md"));
    expect(deck).toMatchObject({ language: "en", mode: "full" });
    expect(languageNotice(deck)).toBeNull();
    expect(deck.cards.some((c) => c.kind === "cloze")).toBe(true);
    for (const card of [...deck.cards, ...deck.candidates]) expect(card.source).not.toMatch(/homme|esclave/);
  });

  it("reports English for the English fixtures", () => {
    const english = read("../physics-handout-relativity.md");
    expect(generateDeck(english)).toMatchObject({ language: "en", mode: "full" });
  });
});

describe("numeric claims written in other languages", () => {
  const cases: [string, string, string[]][] = [
    ["de", "Die optimale Temperatur liegt bei 25 bis 35 °C.", ["25 bis 35 °C"]],
    ["de", "Die Stadt hat 1,5 Mio. Einwohner und wuchs um 2,3 % im Jahr 2022.", ["1,5 Mio.", "2,3 %", "2022"]],
    ["de", "Pflanzen brauchen mindestens 6 Stunden Licht und höchstens 40 °C.", ["6 Stunden", "40 °C"]],
    ["de", "Die Zahl der Mitarbeiter stieg von 12 auf 18 Ingenieure.", ["18"]],
    ["de", "Die Kosten betragen 1,5 Mio. € pro Jahr.", ["1,5 Mio. €"]],
    ["fr", "La température optimale va de 25 à 35 °C.", ["25 à 35 °C"]],
    ["fr", "Le chômage est passé de 10 % à 7,3 % en 2023.", ["7,3 %", "2023"]],
    ["fr", "Paris compte environ 2 100 000 habitants et au moins 20 arrondissements.", ["2 100 000", "20"]],
    ["es", "La temperatura óptima está entre 25 y 35 °C.", ["25 y 35 °C"]],
    ["es", "El volcán tiene al menos 3.000 metros de altura.", ["3.000"]],
    ["it", "La cupola misura più di 45 metri e fu completata nel 1436.", ["45", "1436"]],
    ["pt", "O rio tem cerca de 6.400 km de extensão e cresceu 4,5 %.", ["6.400 km", "4,5 %"]],
    ["nl", "Nederland heeft ongeveer 17,9 miljoen inwoners.", ["17,9 miljoen"]],
    ["nl", "De temperatuur ligt tussen 25 en 35 °C.", ["25 en 35 °C"]],
  ];
  it.each(cases)("%s: %s", (language, sentence, answers) => {
    expect(extractNumericClaims(sentence, language).map((c) => c.answer)).toEqual(answers);
  });

  it("reads decimal commas and thousands points as the language writes them", () => {
    const [claim] = extractNumericClaims("Der Umsatz lag bei 2,5 Mio. €.", "de");
    expect(claim).toMatchObject({ value: 2_500_000, kind: "money" });
    const [range] = extractNumericClaims("Firenze contava tra 40.000 e 60.000 abitanti.", "it");
    expect(range).toMatchObject({ kind: "range", value: 40_000, high: 60_000 });
  });
});
