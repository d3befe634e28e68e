/**
 * Reading an unpacked Anki collection (SQLite): its version, decks, note types, and its cards
 * and review log as two streams in card order. Schema 11 (collection.anki2 / .anki21) keeps
 * note types and decks as JSON in `col`; schema 15-18 (.anki21b) in tables of their own.
 */
import Database from "better-sqlite3";
import { AnkiPackageError } from "./errors";
import { varintField } from "./protobuf";

/** The newest collection schema Keypoint reads (Anki 2.1.50 and later write 18). */
export const LATEST_SCHEMA = 18;

export interface NoteType {
  id: number;
  name: string;
  cloze: boolean;
  fields: string[];
}

export interface AnkiCardRow {
  id: number;
  noteId: number;
  /** The card's home deck (its original deck while it sits in a filtered deck). */
  deckId: number;
  ord: number;
  type: number;
  queue: number;
  /** Its due in the home deck: a position (new), a day number (review) or epoch seconds (learning). */
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  /** JSON: FSRS memory (s, d) in recent versions. */
  data: string;
  guid: string;
  noteTypeId: number;
  fields: string[];
  tags: string[];
}

export interface RevlogRow {
  id: number;
  cardId: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

export interface AnkiCollection {
  schema: number;
  /** Collection creation, epoch seconds: review due days count from here. */
  createdSeconds: number;
  /** The v1 scheduler's learning answers had three buttons (3 was Easy). */
  threeButtonLearning: boolean;
  decks: Map<number, string[]>;
  noteTypes: Map<number, NoteType>;
  counts: { notes: number; cards: number; revlog: number };
  /** Cards with their notes, in card id order. */
  cards(): IterableIterator<AnkiCardRow>;
  /** The review log in card id then time order, read on a connection of its own. */
  revlog(): IterableIterator<RevlogRow>;
  close(): void;
}

const damaged = () => new AnkiPackageError("DAMAGED", "This package's collection is damaged: its database cannot be read, so nothing was imported.");

function openReadonly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function parseJson(text: unknown): Record<string, Record<string, unknown>> {
  if (typeof text !== "string" || text === "") return {};
  const value: unknown = JSON.parse(text);
  return value && typeof value === "object" ? (value as Record<string, Record<string, unknown>>) : {};
}

function readDecks(db: Database.Database, colDecks: unknown): Map<number, string[]> {
  const decks = new Map<number, string[]>();
  if (hasTable(db, "decks") && (db.prepare("SELECT COUNT(*) AS n FROM decks").get() as { n: number }).n > 0) {
    for (const row of db.prepare("SELECT id, name FROM decks").iterate() as IterableIterator<{ id: number; name: string }>) {
      decks.set(Number(row.id), String(row.name).split("\x1f"));
    }
    return decks;
  }
  for (const deck of Object.values(parseJson(colDecks))) decks.set(Number(deck.id), String(deck.name ?? "Default").split("::"));
  return decks;
}

function readNoteTypes(db: Database.Database, colModels: unknown): Map<number, NoteType> {
  const types = new Map<number, NoteType>();
  if (hasTable(db, "notetypes") && (db.prepare("SELECT COUNT(*) AS n FROM notetypes").get() as { n: number }).n > 0) {
    const fields = db.prepare("SELECT name FROM fields WHERE ntid = ? ORDER BY ord");
    for (const row of db.prepare("SELECT id, name, config FROM notetypes").iterate() as IterableIterator<{ id: number; name: string; config: Buffer }>) {
      types.set(Number(row.id), {
        id: Number(row.id),
        name: String(row.name),
        cloze: varintField(new Uint8Array(row.config ?? []), 1) === 1,
        fields: (fields.all(row.id) as { name: string }[]).map((f) => String(f.name)),
      });
    }
    return types;
  }
  for (const model of Object.values(parseJson(colModels))) {
    const flds = Array.isArray(model.flds) ? (model.flds as { name?: unknown; ord?: unknown }[]) : [];
    types.set(Number(model.id), {
      id: Number(model.id),
      name: String(model.name ?? ""),
      cloze: Number(model.type) === 1,
      fields: [...flds].sort((a, b) => Number(a.ord) - Number(b.ord)).map((f) => String(f.name ?? "")),
    });
  }
  return types;
}

function schedulerVersion(db: Database.Database, conf: unknown): number {
  const fromJson = (parseJson(conf) as Record<string, unknown>).schedVer;
  if (fromJson !== undefined) return Number(fromJson);
  if (!hasTable(db, "config")) return 2;
  const row = db.prepare("SELECT val FROM config WHERE KEY = 'schedVer'").get() as { val: Buffer } | undefined;
  return row ? Number(JSON.parse(Buffer.from(row.val).toString("utf8"))) : 2;
}

const CARDS = `
  SELECT c.id, c.nid, CASE WHEN c.odid != 0 THEN c.odid ELSE c.did END AS did, c.ord, c.type, c.queue,
         CASE WHEN c.odid != 0 AND c.odue != 0 THEN c.odue ELSE c.due END AS due, c.ivl, c.factor, c.reps, c.lapses, c.data,
         n.guid, n.mid, n.flds, n.tags
  FROM cards c JOIN notes n ON n.id = c.nid ORDER BY c.id`;

/** Opens the collection; refuses one from a newer Anki and one that is not an Anki database. */
export function openCollection(file: string): AnkiCollection {
  let db: Database.Database;
  let col: { ver: number; crt: number; models: unknown; decks: unknown; conf: unknown };
  try {
    db = openReadonly(file);
  } catch {
    throw damaged();
  }
  try {
    if (!hasTable(db, "col") || !hasTable(db, "notes") || !hasTable(db, "cards")) {
      throw new AnkiPackageError("NOT_ANKI", "This package's database is not an Anki collection, so nothing was imported.");
    }
    col = db.prepare("SELECT ver, crt, models, decks, conf FROM col").get() as typeof col;
    if (!col) throw damaged();
    if (Number(col.ver) > LATEST_SCHEMA) {
      throw new AnkiPackageError(
        "FUTURE_VERSION",
        `This collection uses Anki's schema ${col.ver}, newer than the ${LATEST_SCHEMA} Keypoint reads; export it with “Support older Anki versions” ticked and import that.`,
      );
    }
    const count = (table: string) => (hasTable(db, table) ? Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n) : 0);
    const decks = readDecks(db, col.decks);
    const noteTypes = readNoteTypes(db, col.models);
    const counts = { notes: count("notes"), cards: count("cards"), revlog: count("revlog") };
    const threeButtonLearning = schedulerVersion(db, col.conf) === 1;
    const revlogDb = openReadonly(file);
    return {
      schema: Number(col.ver),
      createdSeconds: Number(col.crt),
      threeButtonLearning,
      decks,
      noteTypes,
      counts,
      // Rows as arrays (raw): a million review log rows read as objects cost a second more.
      *cards() {
        for (const r of db.prepare(CARDS).raw(true).iterate() as IterableIterator<unknown[]>) {
          yield {
            id: Number(r[0]),
            noteId: Number(r[1]),
            deckId: Number(r[2]),
            ord: Number(r[3]),
            type: Number(r[4]),
            queue: Number(r[5]),
            due: Number(r[6]),
            ivl: Number(r[7]),
            factor: Number(r[8]),
            reps: Number(r[9]),
            lapses: Number(r[10]),
            data: String(r[11] ?? ""),
            guid: String(r[12]),
            noteTypeId: Number(r[13]),
            fields: String(r[14]).split("\x1f"),
            tags: String(r[15] ?? "").split(/\s+/).filter(Boolean),
          };
        }
      },
      *revlog() {
        if (!hasTable(revlogDb, "revlog")) return;
        const query = revlogDb.prepare("SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY cid, id").raw(true);
        for (const r of query.iterate() as IterableIterator<number[]>) {
          yield {
            id: Number(r[0]),
            cardId: Number(r[1]),
            ease: Number(r[2]),
            ivl: Number(r[3]),
            lastIvl: Number(r[4]),
            factor: Number(r[5]),
            time: Number(r[6]),
            type: Number(r[7]),
          };
        }
      },
      close() {
        db.close();
        revlogDb.close();
      },
    };
  } catch (error) {
    db.close();
    if (error instanceof AnkiPackageError) throw error;
    throw damaged();
  }
}
