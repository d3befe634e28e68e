/**
 * Which Keypoint card an Anki card becomes. Cloze notes: one card per cloze number (the Anki
 * card's ord + 1), hints kept. Keypoint's own export (fields Front, Back, Options): a choice
 * card again. Any other note type: a basic card from its first two fields, taken from the
 * note's first card only (a reversed or extra template asks the same fact again).
 */
import { clozeCard, clozeFilled } from "./cloze";
import type { AnkiCardRow, NoteType } from "./collection";
import { fieldText } from "./field-text";

export type ImportedKind = "CLOZE" | "BASIC" | "CHOICE";

export interface ImportedCard {
  /** `anki:<note guid>:<card ord>`: the same note imported again is recognised. */
  fingerprint: string;
  kind: ImportedKind;
  prompt: string;
  answer: string;
  options: string[] | null;
  source: string;
}

export type CardOutcome =
  | { card: ImportedCard; media: number; scripts: number }
  | { card: null; reason: "EMPTY" | "EXTRA_TEMPLATE" | "UNKNOWN_NOTE_TYPE"; media: number; scripts: number };

export function ankiFingerprint(guid: string, ord: number): string {
  return `anki:${guid}:${ord}`;
}

/** The options of a choice card as Keypoint exports them: one per list item or line. */
function readOptions(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(/^•\s*/, "").trim())
    .filter(Boolean);
}

export function importedCard(row: AnkiCardRow, noteType: NoteType | undefined): CardOutcome {
  if (!noteType) return { card: null, reason: "UNKNOWN_NOTE_TYPE", media: 0, scripts: 0 };
  const texts = row.fields.map(fieldText);
  const media = texts.reduce((sum, t) => sum + t.media, 0);
  const scripts = texts.reduce((sum, t) => sum + t.scripts, 0);
  const named = (name: string) => {
    const at = noteType.fields.findIndex((field) => field.toLowerCase() === name.toLowerCase());
    return at < 0 ? "" : (texts[at]?.text ?? "");
  };
  const fingerprint = ankiFingerprint(row.guid, row.ord);
  const empty = { card: null, reason: "EMPTY", media, scripts } as const;

  if (noteType.cloze) {
    const text = texts[0]?.text ?? "";
    const cloze = clozeCard(text, row.ord + 1);
    if (!cloze || !cloze.answer) return empty;
    const extra = texts.slice(1).map((t) => t.text).filter(Boolean).join("\n");
    return { card: { fingerprint, kind: "CLOZE", prompt: cloze.prompt, answer: cloze.answer, options: null, source: extra || clozeFilled(text) }, media, scripts };
  }
  if (row.ord !== 0) return { card: null, reason: "EXTRA_TEMPLATE", media, scripts };
  const prompt = texts[0]?.text ?? "";
  const answer = texts[1]?.text ?? "";
  if (!prompt || !answer) return empty;
  const options = readOptions(named("Options"));
  if (options.length >= 2 && options.includes(answer)) {
    return { card: { fingerprint, kind: "CHOICE", prompt, answer, options, source: named("Source") }, media, scripts };
  }
  const rest = texts.slice(2).map((t) => t.text).filter(Boolean).join("\n");
  return { card: { fingerprint, kind: "BASIC", prompt, answer, options: null, source: rest }, media, scripts };
}
