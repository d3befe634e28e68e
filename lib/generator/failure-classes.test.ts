/**
 * One test per failure class that blind ratings found in generated cards (issue 12), each on
 * example documents written for these tests.
 */
import { describe, expect, it } from "vitest";
import { generateDeck } from "./generate-deck";
import { GAP, type CardDraft } from "./types";

const deckOf = (text: string) => generateDeck(text);
const answers = (cards: CardDraft[]) => cards.map((c) => c.answer);
const allCards = (text: string) => {
  const deck = deckOf(text);
  return [...deck.cards, ...deck.candidates];
};

describe("trivial blanks", () => {
  it("never hides a generic word, nor what the title or section gives away", () => {
    const cards = allCards(`# Photosynthesis

## Chloroplasts

Photosynthesis is responsible for nearly all the oxygen in the atmosphere of Earth.
Gather requirements and scope the problem before drawing the thylakoid membranes in detail.
The user enters a block of text and the matter is settled by the stroma enzymes.
Chloroplasts hold their own circular DNA, inherited from an engulfed cyanobacterium.
`);
    const hidden = answers(cards).map((a) => a.toLowerCase());
    for (const bad of ["photosynthesis", "chloroplasts", "problem", "user", "matter", "earth"]) expect(hidden).not.toContain(bad);
    expect(hidden.some((a) => /cyanobacterium|dna/.test(a))).toBe(true);
  });

  it("never asks a number the prompt shows elsewhere", () => {
    const cards = allCards("# Types\n\n## Floats\n\nThe f64 type is 64 bits wide and twice as precise as the f32 type.\nThe IEEE-754 standard fixes how every floating-point value is stored in memory.\n");
    expect(cards.filter((c) => c.answer.includes("64"))).toEqual([]);
  });
});

describe("broken spans", () => {
  it("never cuts a formula, a range, a label or a name, never spans a clause, never glues a verb to a number", () => {
    const cards = allCards(`# Plant and Web Notes

## Reactions

Plants turn 6CO₂ and water into C₆H₁₂O₆ inside the chloroplast stroma.
A healthy adult sleeps four to six times longer than a newborn naps.
Carbon Dioxide Concentration: higher CO₂ levels raise the rate of carbon fixation in warm leaves.
Chinese labs lead in efficient training, with the US leading in frontier hardware and China dominating in mass production.
Base 62 encodes each numeric identifier as a seven-character short key.
Nedergaard's group at the University of Rochester found a brain cleaning system.
`);
    for (const card of cards) {
      expect(card.answer, card.prompt).not.toMatch(/^(CO|C₆H|H₁₂O₆|six times|Dioxide Concentration|62 encodes|University)$/);
      expect(card.answer).not.toMatch(/ and China$|technology and/);
      const at = card.prompt.indexOf(GAP);
      expect(card.prompt.slice(at - 1, at), card.prompt).not.toMatch(/[\p{L}\p{N}]/u);
      expect(card.prompt.slice(at + GAP.length, at + GAP.length + 1), card.prompt).not.toMatch(/[\p{L}\p{N}₀-₉]/u);
    }
    expect(answers(cards)).toContain("C₆H₁₂O₆");
  });
});

describe("prompts that stand on nothing", () => {
  it("gives a list fragment its lead-in and makes no card from a pronoun without a referent", () => {
    const deck = deckOf(`# Capacity Plan

## Estimates

Traffic we expect in the first year:

- 100 billion reads per month
- 400 writes per second on average

Their approach worked well for the caching layer in production.
`);
    const reads = deck.cards.find((c) => c.answer === "100 billion");
    expect(reads?.prompt).toBe("Traffic we expect in the first year: [...] reads per month");
    expect(deck.cards.concat(deck.candidates).some((c) => c.source.startsWith("Their approach"))).toBe(false);
  });

  it("lets a key point borrow its subject from the key point before it", () => {
    const deck = deckOf("Orbital Podcast - Launch economics\nA summary of the episode on launch costs and reuse.\nKey Points:\n- Falcon Heavy cut launch prices below $1,500 per kilogram.\n- Its reusable boosters land on drone ships in the Atlantic.\n");
    const card = deck.cards.find((c) => c.source.startsWith("Its reusable boosters"));
    expect(card?.prompt.startsWith("Falcon Heavy’s reusable boosters")).toBe(true);
  });
});

describe("cutting and markup residue", () => {
  it("cuts no sentence at Node.js or bit.ly and shows no footnote, tag, code or 'like this:'", () => {
    const cards = allCards(`# Runtime Notes

## Servers

Node.js, a JavaScript runtime built on the V8 engine, serves the redirect endpoint.[^1]
Short links from bit.ly - a commercial shortener - expire after a configurable retention period.

<Listing number="2-1" caption="Routes">

\`\`\`js
app.get("/:key", redirect);
\`\`\`

</Listing>

A route could look like this:

The fn handler(req) { return 302 } code sets the status.

[^1]: See the runtime documentation.
`);
    for (const card of cards) {
      expect(card.prompt).not.toMatch(/^js\b|^ly\b|\[\^|<Listing|\{|like this:|documentation/);
    }
    expect(cards.some((c) => c.source.startsWith("Node.js, a JavaScript runtime"))).toBe(true);
  });
});

describe("repeats", () => {
  it("asks a fact stated in the summary, a key point and a section once", () => {
    const deck = deckOf(`Reef Notes - Bleaching
Corals bleach when water stays 1 °C above the summer maximum for several weeks.
Key Points:
- Corals bleach when water stays 1 °C above the summer maximum for several weeks.
Details:
1. 🌊 Heat
- Corals bleach when water stays 1 °C above the usual summer maximum for several weeks.
- Parrotfish graze algae and give young corals room to settle on damaged reefs.
`);
    const bleach = deck.cards.filter((c) => /bleach when water stays/.test(c.source));
    expect(bleach).toHaveLength(1);
    expect(new Set(deck.cards.map((c) => c.source)).size).toBe(deck.cards.length);
  });
});

describe("unfair options", () => {
  it("offers numbers of the same unit and grammar, plausible for the quantity, none shown in the prompt", () => {
    const deck = deckOf("# Sleep Lecture\n\n## Advice\n\nAdults need 7 to 9 hours of sleep each night to consolidate memories.\nStudents who cut sleep from 8 hours to 5 hours lose much of the previous day's learning.\n");
    const range = deck.cards.find((c) => c.answer === "7 to 9 hours")!;
    expect(range.options).toBeDefined();
    for (const option of range.options!) {
      expect(option).toMatch(/^\d+ to \d+ hours$/);
      const [low, high] = option.match(/\d+/g)!.map(Number);
      expect(high <= 15 && low >= 3).toBe(true);
    }
    const cut = deck.cards.find((c) => c.answer === "5 hours")!;
    expect(cut.options!.every((o) => /^\d+ hours$/.test(o) && !o.startsWith("8 "))).toBe(true);
  });
});

describe("markup residue of textbook and glossary sources (round 3)", () => {
  it("drops kramdown attribute lists, end-of-block carets and markdown div wrappers, so the glossary heading and its terms survive", () => {
    const deck = deckOf(`---
title: "Soil"
layout: page
---

<div data-type="abstract" markdown="1">
By the end of this section, you will be able to:
* Describe the layers of a soil profile
* Explain why clay holds water
</div>

Soil forms when weathering breaks parent rock into mineral particles over thousands of years.
Humus, the dark organic fraction, binds mineral grains into crumbs that let roots breathe.

### Soil Texture

Loam balances sand, silt and clay, so gardeners prize it for drainage and fertility.
Clay particles are smaller than 0.002 millimetres and pack tightly when they are wet.
{: .note}

<div data-type="glossary" markdown="1">
### Glossary
{: data-type="glossary-title"}

humus
: dark organic material formed when plant and animal matter decays
^

leaching
: loss of dissolved nutrients as water drains down through the soil
^

loam
: soil with roughly equal parts of sand, silt and clay
^

podzol
: acidic soil of cool forests with a bleached grey layer under the litter
^
</div>
`);
    const cards = [...deck.cards, ...deck.candidates];
    for (const card of cards) expect(`${card.prompt} ${card.answer} ${(card.options ?? []).join(" ")}`, card.prompt).not.toMatch(/\^|\{:|<\/?div|markdown=/);
    expect(deck.topics.map((t) => t.title)).toContain("Glossary");
    expect(cards.find((c) => c.answer === "leaching")?.prompt).toBe("[...]: loss of dissolved nutrients as water drains down through the soil");
    expect(cards.some((c) => /^(Describe|Explain) /.test(c.prompt))).toBe(false);
  });

  it("reads a MyST glossary written as a definition list, each term with its own definition and {term} roles as text", () => {
    const deck = deckOf(`(lab-glossary)=

# Lab Glossary

## P

\`\`\`{glossary}
pipette
: A slim tube that moves a measured volume of liquid. A {term}\`micropipette\` handles volumes below one millilitre.

precipitate
: A solid that separates out of a solution during a reaction.
  Filtering collects it for weighing.

primer
: A short strand of DNA that gives {term}\`polymerase <DNA polymerase>\` a place to start copying.
\`\`\`
`);
    const cards = [...deck.cards, ...deck.candidates];
    const precipitate = cards.find((c) => c.answer === "precipitate");
    expect(precipitate?.prompt).toBe("[...]: A solid that separates out of a solution during a reaction.");
    expect(cards.find((c) => c.answer === "primer")?.prompt).toContain("gives polymerase a place to start copying");
    for (const card of cards) expect(card.prompt, card.prompt).not.toMatch(/\{term\}|`|\(lab-glossary\)=|^: /);
  });

  it("asks an English glossary term once: definition → term, not also term → definition", () => {
    const deck = deckOf(`# Optics Terms

Refraction
: the bending of light as it passes from one medium into another. Snell's law, published by Willebrord Snellius in 1621, relates the angles.

Dispersion
: the splitting of white light into its colours by a prism

Focal length
: the distance from a lens to the point where parallel rays meet

Aperture
: the opening that limits how much light enters an optical system
`);
    for (const term of ["Refraction", "Dispersion", "Focal length", "Aperture"]) {
      const asked = deck.cards.filter((c) => c.answer === term || c.prompt.startsWith(`${term}: `));
      expect(asked, term).toHaveLength(1);
    }
    // the entry is one fact: its other sentences give no cards while its term has one
    expect(deck.cards.filter((c) => /Snell/.test(c.source))).toEqual([]);
  });
});

describe("learning objectives and exercises (round 3)", () => {
  it("makes no card from what the reader will be able to do, nor from an exercise's instruction", () => {
    const cards = allCards(`# Tides

Learning objectives for this unit:

- Explain why most coasts see two high tides a day
- Describe the difference between spring and neap tides
- Compare the pull of the Moon with the pull of the Sun
- Discuss seasonal changes in tidal range along estuaries

In this chapter you will learn how the Moon shapes the sea.

## Causes

The Moon's gravity raises a bulge of water on the side of Earth facing it.
Spring tides happen when the Sun and Moon line up at new and full moon.
Neap tides, with the smallest range, fall at the first and third quarter moons.

## Self-Check Questions

Identify the two bodies whose gravity drives the tides in the Bay of Fundy.
`);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.prompt, card.prompt).not.toMatch(/^(Explain|Describe|Compare|Identify|Discuss)\b|you will|Fundy/);
  });
});

describe("letters with no referent (round 3)", () => {
  it("makes no card about version or option letters, nor hides a placeholder variable", () => {
    const cards = allCards(`# Release Numbering

## Scheme

Package versions are written X.Y.Z by the maintainers of the registry.

- X is the major version and changes only when the public interface breaks.
- Y is the minor version and grows with every backwards-compatible feature.
- Option B keeps the old lockfile format for one more release cycle.

A pre-release is tagged "betaN" for some small number N before the stable release.
Semantic versioning was proposed by Tom Preston-Werner, a co-founder of GitHub.
`);
    for (const card of cards) {
      expect(card.prompt, card.prompt).not.toMatch(/^(?:X|Y) is|Option B/);
      expect(card.answer).not.toMatch(/number N\.?$/);
    }
    expect(cards.some((c) => c.answer === "Tom Preston-Werner" || c.answer === "GitHub")).toBe(true);
  });
});

describe("everyday words as blanks (round 3)", () => {
  it("hides no everyday word, also not behind vague words, nor a one-letter variable, nor half of a repeated word", () => {
    const cards = allCards(`# Designing a Link Checker

## Crawling

The parser stores different values in each slot of the record.
Once read, the contents are released by the garbage collector.

- Average stored size per web page: 500 KB

Each page is fetched once and then the page is parsed; a page may also be fetched again after every page update.
For statement t the runtime allocates a frame on the stack.
A CDN absorbs the unevenly distributed traffic and traffic spikes of the checker.
A **robots exclusion** rule tells the checker which paths of a site it must skip.
`);
    const hidden = cards.map((c) => c.answer.toLowerCase());
    for (const bad of ["different values", "contents", "page", "web page", "statement t", "traffic and traffic"]) expect(hidden, bad).not.toContain(bad);
    expect(hidden).toContain("parser");
    expect(hidden.some((a) => /robots exclusion/.test(a))).toBe(true);
  });
});

describe("spans across clauses joined by a comma (round 3)", () => {
  it("never takes 'X, and Y' where the 'and' opens a new clause", () => {
    const cards = allCards("# Economic History\n\n## Decline\n\nLand seizures and price controls disrupted the economy, and corruption and violence dominated the political process for a decade.\nThe Reserve Bank of Zimbabwe printed trillion-dollar notes when hyperinflation peaked in 2008.\n");
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.some((c) => /economy, and/.test(c.answer))).toBe(false);
  });

  it("never takes 'the way X are …' as a compound", () => {
    const cards = allCards("# Ice\n\n## Density\n\nIce floats on lakes because of the way hydrogen bonds are oriented as it freezes into a lattice.\n");
    expect(cards.some((c) => /^way /.test(c.answer))).toBe(false);
  });
});

describe("the same claim told twice in other words (round 3)", () => {
  const deck = deckOf(`Market Notes - Battery makers
Northvolt's costs are driven by limited access to cheap lithium refining. Their success in building gigafactories stems from necessity, as they face shortages in refining lithium cheaply.
Key Points:
- Northvolt's costs are driven by limited access to cheap lithium refining.
- Northvolt cells are 20-30% cheaper than the Panasonic cells used in 2019.
Details:
1. 🔋 Cost
- The Northvolt cathode line achieves 20 to 30% savings compared to Panasonic cells from 2019, using recycled nickel.
- Sodium-ion cells avoid lithium entirely and tolerate deep cold better than lithium iron phosphate cells.
- Sodium-ion packs suit stationary storage, where weight matters less than price per kilowatt-hour.
2. 🧪 Chemistry
- The positively charged sodium ion moves through the electrolyte toward the cathode during discharge.
- The negatively charged chloride ion stays in the salt bridge of the test cell during discharge.
`);

  it("keeps one card when a summary, a key point and a detail restate a claim", () => {
    const lithium = deck.cards.filter((c) => /lithium refining|refining lithium/.test(c.source));
    expect(lithium).toHaveLength(1);
    const savings = deck.cards.filter((c) => /20-30%|20 to 30%/.test(c.source));
    expect(savings).toHaveLength(1);
  });

  it("keeps parallel sentences about different things, and an answer once in its plural and singular", () => {
    expect(deck.cards.some((c) => c.source.startsWith("The positively charged sodium ion"))).toBe(true);
    expect(deck.cards.some((c) => c.source.startsWith("The negatively charged chloride ion"))).toBe(true);
    const keys = deck.cards.map((c) => c.answer.toLowerCase().replace(/s\b/g, ""));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("statistics about nothing (round 3)", () => {
  it("asks no number whose subject is missing, no year the title shows, nothing from a teaser", () => {
    const cards = allCards(`# Parcel Report 2020

## Online Sales

- Rose 40% as shops closed during the lockdowns.
- Reduced delivery times by 2 days after the new depot opened.
- Fell to 12% of all orders once the shops reopened in the summer.
- Grocery orders doubled between March and May across the region.

Parcel volumes at the national post office reached 3.2 billion in 2020.
Growth will slow in 2021, so stay tuned for the next report.
`);
    expect(cards.some((c) => c.answer === "doubled")).toBe(true);
    for (const card of cards) {
      expect(card.prompt, card.prompt).not.toMatch(/^(Rose|Reduced|Fell)\b|stay tuned/);
      expect(card.answer).not.toBe("2020");
    }
  });
});

describe("API reference pages (round 3)", () => {
  it("asks a method by its description among its siblings, and shows no '(see …)' pointer", () => {
    const cards = allCards(`# Deques

## Methods

deque.rotate()
: Rotate the deque n steps to the right (see collections-recipes for examples).

deque.maxlen()
: Report the largest size the deque may reach before old items fall off the far end.

deque.clear()
: Remove all elements from the deque, leaving it with length 0.

deque.appendleft()
: Add x to the left side of the deque (the arguments work as for list.insert(), see sorted() for ordering).
`);
    expect(cards.find((c) => c.answer === "deque.maxlen")?.prompt).toBe("[...]: Report the largest size the deque may reach before old items fall off the far end.");
    for (const card of cards) expect(card.prompt, card.prompt).not.toMatch(/\(see|see sorted|collections-recipes/);
  });
});

describe("study notes with practice lists and pointers (round 3)", () => {
  it("asks no number the prompt spells out, nothing from a practice list, no 'check out the section on'", () => {
    const cards = allCards(`# Heap cheatsheet for coding interviews

## Binary heap

Binary means two, so each node of a binary heap has at most two children in the array layout.
A binary heap keeps the smallest key at the root, which makes finding the minimum a constant-time step.
Do check out the section on Fibonacci heaps, which merge in constant amortised time.

## Recommended practice questions

- Merge K Sorted Lists with a min-heap of list heads
- Find Median from Data Stream using two heaps
`);
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(card.answer, card.prompt).not.toMatch(/^two children$|K Sorted Lists|Data Stream|Fibonacci/);
    }
  });
});

describe("textbook chapter leftovers (round 3)", () => {
  it("writes an en-dash superscript as a charge, makes no card from 'Visit …', hides no 'properties' or 'substance'", () => {
    const cards = allCards(`# Bases

## Alkaline cleaners

Sodium hydroxide gives up OH<sup>–</sup> ions rapidly in water, which raises the pH of the solution.
Visit the U.S. Geological Survey Water Science for Schools website to learn more about water.
The polarity of water contributes to its properties of attraction between neighbouring molecules.
Bleach is a substance that oxidises stains, and ammonia is a weak base used in glass cleaners.
`);
    expect(cards.some((c) => c.prompt.includes("OH⁻"))).toBe(true);
    for (const card of cards) {
      expect(card.prompt, card.prompt).not.toMatch(/\^|Visit|Schools/);
      expect(card.answer).not.toMatch(/^(properties|substance)$/);
    }
  });
});

describe("made-up examples (round 3)", () => {
  it("asks no number of a hypothetical and no 'One example is …' without its referent", () => {
    const cards = allCards(`# Rule of Law

## Property rights

If you have $100, you have the right to use that money, whether you spend it, lend it, or keep it.
One example is the employment agreement: a surgeon operates on a patient and expects to get paid.
Zimbabwe has had declining growth since 1998 under land seizures and price controls.
`);
    expect(cards.some((c) => c.answer === "1998")).toBe(true);
    for (const card of cards) expect(card.prompt, card.prompt).not.toMatch(/^If you|^One example/);
  });
});
