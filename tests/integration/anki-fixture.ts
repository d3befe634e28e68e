/** A small Anki collection used by the import and export tests: two decks, a subdeck, each note type, a hostile note, history. */
import type { FixtureSpec } from "../../lib/anki/fixtures/build-package";

const DAY = 86_400_000;
export const t0 = Date.UTC(2024, 0, 10, 9);

export const sampleSpec: FixtureSpec = {
  notes: [
    {
      guid: "basic-1",
      noteType: "basic",
      deck: "Biology::Cells",
      fields: ["What is the powerhouse of the cell?", "The <b>mitochondrion</b><img src=\"mito.png\">"],
      cards: [{ ord: 0, type: 2, queue: 2, ivl: 12, revlog: [
        { at: t0, ease: 3, type: 0, timeMs: 9000 },
        { at: t0 + 1 * DAY, ease: 3, type: 1, timeMs: 6000 },
        { at: t0 + 4 * DAY, ease: 1, type: 1, timeMs: 12000 },
        { at: t0 + 4 * DAY + 600_000, ease: 3, type: 2, timeMs: 4000 },
      ] }],
    },
    {
      guid: "cloze-1",
      noteType: "cloze",
      deck: "Biology",
      fields: ["{{c1::Ribosomes}} make proteins; {{c2::lysosomes::organelle}} digest waste.", "Cell biology 101"],
      cards: [{ ord: 0, type: 2, queue: -1, ivl: 5, revlog: [{ at: t0 + 1000, ease: 4, type: 0 }] }, { ord: 1 }],
    },
    {
      guid: "hostile-1",
      noteType: "vocab",
      deck: "Words",
      fields: ["<script>alert(1)</script>bonjour<img src=x onerror=alert(2)>", "hello &lt;script&gt;bad()&lt;/script&gt;", "[sound:bonjour.mp3]"],
      cards: [{ ord: 0 }],
    },
    {
      guid: "reversed-1",
      noteType: "reversed",
      deck: "Words",
      fields: ["chat", "cat"],
      cards: [{ ord: 0 }, { ord: 1 }],
    },
  ],
};

