import { readFileSync } from "node:fs";
import path from "node:path";
import { generateDeck } from "../../generator";
import { sqlOf, type Db } from "../runtime/client";
import { saveDeck } from "../documents/save-deck";

export const DEFAULT_DECK_KEY = "default";
export const DEFAULT_DECK_FILE = "content/default-deck.txt";

/** Loads the bundled default deck; running it again changes nothing. */
export async function seedDefaultDeck(db: Db, root = process.cwd()) {
  const text = readFileSync(path.join(root, DEFAULT_DECK_FILE), "utf8");
  return saveDeck(sqlOf(db), { builtinKey: DEFAULT_DECK_KEY }, text, generateDeck(text));
}
