/**
 * Every write to CardState, in plain SQL: a user's schedule of a card (written by answers,
 * through record-answer.ts), their edits and suspension, and "make due now". `version`
 * goes up by one with each change, so a writer that read an older row can tell.
 */
import { newCardMemory, type CardMemory } from "../../scheduler";
import { newId } from "../runtime/ids";
import { changedOne, changes, joinSql, rawSql, sql, sqlList, type Sql, type Statement } from "../runtime/sql";

const MEMORY_COLUMNS = rawSql(
  `"due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview"`,
);

function memoryValues(memory: CardMemory): Sql {
  return sql`${memory.due}, ${memory.stability}, ${memory.difficulty}, ${memory.elapsedDays}, ${memory.scheduledDays},
      ${memory.learningSteps}, ${memory.reps}, ${memory.lapses}, ${memory.state}, ${memory.lastReview}`;
}

/** The memory columns set to `memory`, with the version bumped. */
function setMemory(memory: CardMemory, now: Date): Sql {
  return sql`"due" = ${memory.due}, "stability" = ${memory.stability}, "difficulty" = ${memory.difficulty},
      "elapsedDays" = ${memory.elapsedDays}, "scheduledDays" = ${memory.scheduledDays}, "learningSteps" = ${memory.learningSteps},
      "reps" = ${memory.reps}, "lapses" = ${memory.lapses}, "state" = ${memory.state}, "lastReview" = ${memory.lastReview},
      "version" = "version" + 1, "updatedAt" = ${now}`;
}

/** Writes the next memory if the state is still at `version`; false when someone else changed it first. */
export function updateCardState(stateId: string, version: number, memory: CardMemory, now: Date): Statement<boolean> {
  return changedOne(sql`UPDATE "CardState" SET ${setMemory(memory, now)} WHERE "id" = ${stateId} AND "version" = ${version}`);
}

/**
 * Puts back the memory an answer replaced, if the card still holds that answer's result
 * (its due time and state); false when it has changed since.
 */
export function restoreCardState(row: { userId: string; cardId: string; due: Date; state: number }, memory: CardMemory, now: Date): Statement<boolean> {
  return changedOne(sql`
    UPDATE "CardState" SET ${setMemory(memory, now)}
    WHERE "userId" = ${row.userId} AND "cardId" = ${row.cardId} AND "due" = ${row.due} AND "state" = ${row.state}`);
}

/** The user's first state for a card. */
export function insertCardState(row: { userId: string; cardId: string; documentId: string; memory: CardMemory; now: Date }): Statement<number> {
  return changes(sql`
    INSERT INTO "CardState" ("id", "userId", "cardId", "documentId", ${MEMORY_COLUMNS}, "suspended", "version", "updatedAt")
    VALUES (${newId()}, ${row.userId}, ${row.cardId}, ${row.documentId}, ${memoryValues(row.memory)}, ${false}, ${0}, ${row.now})`);
}

/**
 * A user's own version of a card, and whether they suspended it. Fields left out stay as
 * they are; null puts the document's wording back. `searchText` is what the card browser
 * searches of their version (null when they have none).
 */
export interface CardStateEdit {
  customPrompt?: string | null;
  customAnswer?: string | null;
  customOptions?: string | null;
  searchText?: string | null;
  suspended?: boolean;
}

const EDIT_COLUMNS = ["customPrompt", "customAnswer", "customOptions", "searchText", "suspended"] as const;

export type SavedEdits = { customPrompt: string | null; customAnswer: string | null; customOptions: string | null; suspended: boolean };

/** Saves the edit on the user's state for the card, creating a New state if they have none. */
export function saveCardEdits(row: { userId: string; cardId: string; documentId: string; now: Date }, edit: CardStateEdit): Statement<SavedEdits> {
  const set = EDIT_COLUMNS.filter((column) => edit[column] !== undefined).map((column) => rawSql(`"${column}" = excluded."${column}", `));
  return {
    ...sql`
    INSERT INTO "CardState" ("id", "userId", "cardId", "documentId", ${MEMORY_COLUMNS}, "suspended", "version", "updatedAt",
      "customPrompt", "customAnswer", "customOptions", "searchText")
    VALUES (${newId()}, ${row.userId}, ${row.cardId}, ${row.documentId}, ${memoryValues(newCardMemory(row.now))}, ${edit.suspended ?? false},
      ${0}, ${row.now}, ${edit.customPrompt ?? null}, ${edit.customAnswer ?? null}, ${edit.customOptions ?? null}, ${edit.searchText ?? null})
    ON CONFLICT ("userId", "cardId") DO UPDATE SET ${joinSql(set, "")}"version" = "CardState"."version" + 1, "updatedAt" = excluded."updatedAt"
    RETURNING "customPrompt", "customAnswer", "customOptions", "suspended"`,
    read: ({ rows: [saved] }) => ({
      customPrompt: saved.customPrompt as string | null,
      customAnswer: saved.customAnswer as string | null,
      customOptions: saved.customOptions as string | null,
      suspended: Boolean(saved.suspended),
    }),
  };
}

/** Suspends or unsuspends the user's existing states of these cards (cards they never studied have none: see saveCardEdits). */
export function setSuspended(userId: string, cardIds: readonly string[], suspended: boolean, now: Date): Statement<number> {
  return changes(sql`
    UPDATE "CardState" SET "suspended" = ${suspended}, "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "userId" = ${userId} AND "cardId" IN (${sqlList(cardIds)}) AND "suspended" <> ${suspended}`);
}

/**
 * Forgets what the user learned of these cards (Anki's "Reset"): their states go back to New,
 * due now, as if never studied. Their history stays, and so do their edits and suspension.
 */
export function resetToNew(userId: string, cardIds: readonly string[], now: Date): Statement<number> {
  return changes(sql`
    UPDATE "CardState" SET ${setMemory(newCardMemory(now), now)}
    WHERE "userId" = ${userId} AND "cardId" IN (${sqlList(cardIds)}) AND "state" <> ${0}`);
}

/** Brings the user's unsuspended states of these cards that fall due later forward to `now`. */
export function makeDueNow(userId: string, cardIds: readonly string[], now: Date): Statement<number> {
  return changes(sql`
    UPDATE "CardState" SET "due" = ${now}, "version" = "version" + 1, "updatedAt" = ${now}
    WHERE "userId" = ${userId} AND "cardId" IN (${sqlList(cardIds)}) AND "suspended" = ${false} AND "due" > ${now}`);
}

/** Imported states (an Anki import's staging rows), many per statement. */
export function insertImportedStates(
  states: readonly { id: string; userId: string; cardId: string; documentId: string; memory: CardMemory; suspended: boolean; now: Date }[],
): Statement<number> {
  const values = states.map((s) => sql`(${s.id}, ${s.userId}, ${s.cardId}, ${s.documentId}, ${memoryValues(s.memory)}, ${s.suspended}, ${0}, ${s.now})`);
  return changes(sql`
    INSERT INTO "CardState" ("id", "userId", "cardId", "documentId", ${MEMORY_COLUMNS}, "suspended", "version", "updatedAt")
    VALUES ${joinSql(values, ", ")}`);
}

/** Hands every state of one user (an import's staging user) to another. */
export function handOverStates(fromUserId: string, toUserId: string): Statement<number> {
  return changes(sql`UPDATE "CardState" SET "userId" = ${toUserId} WHERE "userId" = ${fromUserId}`);
}

/** Moves states from one document to another (an import merged into the deck it came from before). */
export function moveStatesToDocument(fromDocumentId: string, toDocumentId: string): Statement<number> {
  return changes(sql`UPDATE "CardState" SET "documentId" = ${toDocumentId} WHERE "documentId" = ${fromDocumentId}`);
}
