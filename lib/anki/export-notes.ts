/**
 * Keypoint cards as Anki notes, cards and review log rows (schema 11 columns). Cloze cards
 * become notes of a Cloze type, choice cards Basic notes with the options listed, basic
 * cards Basic notes; each tagged with its document's title and topic.
 */
import { createHash } from "node:crypto";
import { CardState, type CardMemory } from "../scheduler";
import { toClozeText } from "./cloze";
import { textToField } from "./field-text";

export type ExportKind = "CLOZE" | "BASIC" | "CHOICE";

export interface ExportCard {
  id: string;
  documentId: string;
  documentTitle: string;
  topicTitle: string | null;
  kind: ExportKind;
  prompt: string;
  answer: string;
  options: string[] | null;
  source: string;
  /** The user's schedule of the card; null when they never studied it. */
  memory: CardMemory | null;
  suspended: boolean;
}

export interface ExportLog {
  cardId: string;
  rating: number;
  reviewedAt: Date;
  durationMs: number;
  /** False for quiz practice that left the schedule as it was. */
  reschedules: boolean;
  prevState: number;
  prevScheduledDays: number;
  state: number;
  due: Date;
  scheduledDays: number;
}

export const NOTE_TYPE_IDS = { cloze: 1_342_697_561_419, basic: 1_342_697_561_420 } as const;

const DAY_MS = 86_400_000;

/** A stable Anki note id (guid) for a Keypoint card: exporting again updates the note in Anki instead of copying it. */
export function noteGuid(cardId: string): string {
  return `kp${createHash("sha1").update(cardId).digest("base64url").slice(0, 12)}`;
}

/** An Anki tag: no spaces; `::` separates levels. */
export function tagFor(...parts: string[]): string {
  return parts.map((part) => part.trim().replace(/::+/g, ":").replace(/\s+/g, "_").replace(/["]/g, "") || "_").join("::");
}

/** A deck name without Anki's level separator inside it. */
export function deckName(title: string): string {
  return title.replace(/::+/g, ":").replace(/\s+/g, " ").trim() || "Keypoint";
}

export interface NoteFields {
  noteTypeId: number;
  fields: string[];
  tags: string[];
}

export function noteFor(card: ExportCard): NoteFields {
  const tags = [tagFor(card.documentTitle), ...(card.topicTitle ? [tagFor(card.documentTitle, card.topicTitle)] : [])];
  if (card.kind === "CLOZE") {
    return { noteTypeId: NOTE_TYPE_IDS.cloze, fields: [textToField(toClozeText(card.prompt, card.answer)), textToField(card.source)], tags };
  }
  const options = card.kind === "CHOICE" && card.options?.length ? `<ol>${card.options.map((o) => `<li>${textToField(o)}</li>`).join("")}</ol>` : "";
  return { noteTypeId: NOTE_TYPE_IDS.basic, fields: [textToField(card.prompt), textToField(card.answer), options, textToField(card.source)], tags };
}

/** The scheduling columns of the Anki card; all new without scheduling. */
export function schedulingFor(card: ExportCard, position: number, createdSeconds: number, withScheduling: boolean) {
  const memory = withScheduling ? card.memory : null;
  const queueIfActive = (queue: number) => (withScheduling && card.suspended ? -1 : queue);
  if (!memory || memory.state === CardState.New) {
    return { type: 0, queue: queueIfActive(0), due: position, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, data: "{}" };
  }
  const data = JSON.stringify({ s: Number(memory.stability.toFixed(4)), d: Number(memory.difficulty.toFixed(4)) });
  const common = { factor: 2500, reps: memory.reps, lapses: memory.lapses, data };
  if (memory.state === CardState.Review) {
    const due = Math.round((memory.due.getTime() - createdSeconds * 1000) / DAY_MS);
    return { ...common, type: 2, queue: queueIfActive(2), due, ivl: Math.max(1, memory.scheduledDays), left: 0 };
  }
  const type = memory.state === CardState.Relearning ? 3 : 1;
  return { ...common, type, queue: queueIfActive(1), due: Math.floor(memory.due.getTime() / 1000), ivl: Math.max(0, memory.scheduledDays), left: 1 };
}

/** Anki's interval column: days for a review, negative seconds for a learning step. */
function intervalOf(state: number, scheduledDays: number, due: Date, from: Date): number {
  if (state === CardState.Review) return Math.max(1, scheduledDays);
  return -Math.max(0, Math.round((due.getTime() - from.getTime()) / 1000));
}

/** The revlog columns of one answer. Practice that left the schedule alone is a filtered-deck preview (type 3, factor 0). */
export function revlogFor(log: ExportLog) {
  if (!log.reschedules) return { ease: log.rating, ivl: 0, lastIvl: 0, factor: 0, time: log.durationMs, type: 3 };
  const type = log.prevState === CardState.Review ? 1 : log.prevState === CardState.Relearning ? 2 : 0;
  return {
    ease: log.rating,
    ivl: intervalOf(log.state, log.scheduledDays, log.due, log.reviewedAt),
    lastIvl: log.prevState === CardState.Review ? Math.max(1, log.prevScheduledDays) : 0,
    factor: 2500,
    time: log.durationMs,
    type,
  };
}
