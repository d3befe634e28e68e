/**
 * An Anki package (.apkg) of Keypoint cards, in the legacy layout every Anki version imports
 * (Anki 2.1 desktop, AnkiDroid, AnkiMobile): `collection.anki2` (schema 11) and an empty
 * `media` map. Anki's newer zstd layout would only add a decoder dependency on export and
 * shut out older clients.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { zipSync, strToU8 } from "fflate";
import { clozeFilled } from "./cloze";
import { fieldText } from "./field-text";
import { NOTE_TYPE_IDS, deckName, noteFor, noteGuid, revlogFor, schedulingFor, type ExportCard, type ExportLog } from "./export-notes";
import { SCHEMA_11, deckJson, defaultDeckConfig } from "./schema11";

const DAY_MS = 86_400_000;
const DECK_ID_BASE = 1_500_000_000_000;

function field(name: string, ord: number) {
  return { name, ord, sticky: false, rtl: false, font: "Arial", size: 20, media: [] };
}

function template(name: string, qfmt: string, afmt: string) {
  return { name, ord: 0, qfmt, afmt, bqfmt: "", bafmt: "", did: null, bfont: "", bsize: 0 };
}

const CSS = ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n.cloze { font-weight: bold; color: blue; }";
const LATEX_PRE = "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n";

function noteTypes(modSeconds: number) {
  const common = { mod: modSeconds, usn: 0, sortf: 0, did: null, css: CSS, latexPre: LATEX_PRE, latexPost: "\\end{document}", latexsvg: false, tags: [], vers: [] };
  return {
    [NOTE_TYPE_IDS.cloze]: {
      ...common,
      id: NOTE_TYPE_IDS.cloze,
      name: "Keypoint Cloze",
      type: 1,
      flds: [field("Text", 0), field("Back Extra", 1)],
      tmpls: [template("Cloze", "{{cloze:Text}}", "{{cloze:Text}}<br>\n{{Back Extra}}")],
      req: [[0, "any", [0]]],
    },
    [NOTE_TYPE_IDS.basic]: {
      ...common,
      id: NOTE_TYPE_IDS.basic,
      name: "Keypoint Basic",
      type: 0,
      flds: [field("Front", 0), field("Back", 1), field("Options", 2), field("Source", 3)],
      tmpls: [template("Card 1", "{{Front}}{{#Options}}<div class=options>{{Options}}</div>{{/Options}}", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}{{#Source}}<div class=source>{{Source}}</div>{{/Source}}")],
      req: [[0, "any", [0]]],
    },
  };
}

/** Anki's checksum of a note's first field: the first 8 hex digits of its SHA-1, as a number. */
function checksum(sortField: string): number {
  return Number.parseInt(createHash("sha1").update(sortField).digest("hex").slice(0, 8), 16);
}

export interface PackageInput {
  cards: readonly ExportCard[];
  /** The answers, oldest first. */
  logs: readonly ExportLog[];
  /** With each card's schedule and the review log; without, every card arrives new. */
  withScheduling: boolean;
  now: Date;
}

/** The .apkg bytes. */
export function writePackage(input: PackageInput): Uint8Array {
  const { cards, withScheduling, now } = input;
  let earliest = Math.min(now.getTime(), input.logs[0]?.reviewedAt.getTime() ?? Infinity);
  for (const card of cards) if (card.memory) earliest = Math.min(earliest, card.memory.due.getTime());
  // Review due days count from the collection's creation day.
  const createdSeconds = Math.floor(earliest / DAY_MS - 1) * 86_400;
  const modSeconds = Math.floor(now.getTime() / 1000);
  const folder = mkdtempSync(join(tmpdir(), "keypoint-apkg-"));
  try {
    const file = join(folder, "collection.anki2");
    const db = new Database(file);
    try {
      db.pragma("journal_mode = OFF");
      db.exec(SCHEMA_11);
      const deckIds = new Map<string, number>();
      const decks: Record<string, unknown> = { 1: deckJson(1, "Default", modSeconds) };
      for (const card of cards) {
        if (deckIds.has(card.documentId)) continue;
        const id = DECK_ID_BASE + deckIds.size + 1;
        deckIds.set(card.documentId, id);
        decks[id] = deckJson(id, deckName(card.documentTitle), modSeconds);
      }
      const conf = { nextPos: cards.length + 1, estTimes: true, activeDecks: [1], sortType: "noteFld", timeLim: 0, sortBackwards: false, addToCur: true, curDeck: 1, newSpread: 0, dueCounts: true, curModel: NOTE_TYPE_IDS.basic, collapseTime: 1200, schedVer: 2 };
      db.prepare("INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, '{}')").run(
        createdSeconds,
        now.getTime(),
        now.getTime(),
        JSON.stringify(conf),
        JSON.stringify(noteTypes(modSeconds)),
        JSON.stringify(decks),
        JSON.stringify({ 1: defaultDeckConfig(modSeconds) }),
      );
      const insertNote = db.prepare("INSERT INTO notes VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, '')");
      const insertCard = db.prepare("INSERT INTO cards VALUES (?, ?, ?, 0, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)");
      const insertRevlog = db.prepare("INSERT INTO revlog VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)");
      const ankiCardIds = new Map<string, number>();
      db.transaction(() => {
        const base = now.getTime() - cards.length;
        cards.forEach((card, index) => {
          const id = base + index;
          const note = noteFor(card);
          const sortField = fieldText(card.kind === "CLOZE" ? clozeFilled(note.fields[0]) : note.fields[0]).text;
          insertNote.run(id, noteGuid(card.id), note.noteTypeId, modSeconds, ` ${note.tags.join(" ")} `, note.fields.join("\x1f"), sortField, checksum(sortField));
          const s = schedulingFor(card, index + 1, createdSeconds, withScheduling);
          insertCard.run(id, id, deckIds.get(card.documentId)!, modSeconds, s.type, s.queue, s.due, s.ivl, s.factor, s.reps, s.lapses, s.left, s.data);
          ankiCardIds.set(card.id, id);
        });
        if (!withScheduling) return;
        let lastId = 0;
        for (const log of input.logs) {
          const cardId = ankiCardIds.get(log.cardId);
          if (cardId === undefined) continue;
          // revlog ids are the answer's epoch milliseconds and must be unique.
          const id = Math.max(log.reviewedAt.getTime(), lastId + 1);
          lastId = id;
          const r = revlogFor(log);
          insertRevlog.run(id, cardId, r.ease, r.ivl, r.lastIvl, r.factor, r.time, r.type);
        }
      })();
    } finally {
      db.close();
    }
    return zipSync({ "collection.anki2": readFileSync(file), media: strToU8("{}") }, { level: 6 });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
