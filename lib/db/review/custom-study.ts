/**
 * Custom study once the day's cards are done (Anki's Custom Study): the reviews due in the
 * next days, studied early, or a topic's cards again, either moving their schedule or as
 * practice that leaves it alone (as a quiz on cards that are not due does).
 */
import { CardState, parseCardMemory, settingsForDay, studyDayEnd, studyDayStart, type CardMemory, type QueueEntry, type QueueKind, type StudyUser } from "../../scheduler";
import type { StudyMode } from "../../validation/review";
import { documentVisibleTo } from "../documents/decks";
import { sqlOf, type Db } from "../runtime/client";
import { NotFound } from "../runtime/errors";
import { exec, firstRow, rows, sql, type Steps } from "../runtime/sql";
import { sessionView, type PlannedQueue, type StudySessionView } from "./session-view";
import { dueStates, memoryColumns } from "./store";

const DAY_MS = 86_400_000;
/** Learning cards due this soon are shown rather than left waiting (as in the day's session). */
const LEARN_AHEAD_MS = 20 * 60_000;
/** Cards of one custom-study request: reviews ahead come in pages like the day's reviews; a topic's cards all at once. */
const CARDS_AHEAD = 200;
const CARDS_PER_RESPONSE = 8;
const TOPIC_CARDS = 200;

type Ahead = Extract<StudyMode, { kind: "ahead" }>;
type Topic = Extract<StudyMode, { kind: "topic" }>;

/** The end of the window a review-ahead session studies: `days` study days after today's. */
export function aheadUntil(user: StudyUser, now: Date, days: number): Date {
  const settings = settingsForDay(user, now);
  return new Date(studyDayEnd(now, settings.timeZone, settings.dayStartHour).getTime() + days * DAY_MS);
}

/** Learning cards due now (or within minutes), then reviews due before the window's end, soonest first. */
export async function aheadQueue(db: Db, user: StudyUser, now: Date, mode: Ahead, documentId?: string): Promise<PlannedQueue> {
  const settings = settingsForDay(user, now);
  const dayStart = studyDayStart(now, settings.timeZone, settings.dayStartHour);
  const base = { userId: user.id, documentId, limit: CARDS_AHEAD };
  const [learning, reviews] = await sqlOf(db).read(function* () {
    return [
      yield* exec(dueStates({ ...base, states: [CardState.Learning, CardState.Relearning], dueBefore: new Date(now.getTime() + LEARN_AHEAD_MS) })),
      yield* exec(dueStates({ ...base, states: [CardState.Review], dueBefore: aheadUntil(user, now, mode.days), reviewedBefore: dayStart })),
    ] as const;
  });
  const queue: QueueEntry[] = [
    ...learning.map((row) => ({ cardId: row.cardId, queue: "learning" as const })),
    ...reviews.map((row) => ({ cardId: row.cardId, queue: "review" as const })),
  ];
  const memories = new Map([...learning, ...reviews].map((row) => [row.cardId, parseCardMemory(row)]));
  return { queue, memories, settings, cardsPerResponse: CARDS_PER_RESPONSE };
}

/** The topic, if the user may see its deck. */
export function visibleTopic(userId: string, topicId: string) {
  return firstRow(
    sql`SELECT t."id" FROM "Topic" t JOIN "Document" d ON d."id" = t."documentId" WHERE t."id" = ${topicId} AND ${documentVisibleTo(userId)}`,
    (row) => row.id as string,
  );
}

const KIND_OF_STATE: Record<number, QueueKind> = { [CardState.New]: "new", [CardState.Learning]: "learning", [CardState.Review]: "review", [CardState.Relearning]: "learning" };

/** The topic's cards the user has not suspended, in document order, with the memory of those they studied. */
function* topicCards(userId: string, topicId: string): Steps<{ cardId: string; memory: CardMemory | null }[]> {
  if (!(yield* exec(visibleTopic(userId, topicId)))) throw new NotFound("Topic");
  return yield* exec(
    rows(
      sql`
      SELECT c."id" AS "cardId", s."id" AS "stateId", s."due", s."stability", s."difficulty", s."elapsedDays", s."scheduledDays",
             s."learningSteps", s."reps", s."lapses", s."state", s."lastReview"
      FROM "Card" c LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}
      WHERE c."topicId" = ${topicId} AND (s."id" IS NULL OR s."suspended" = ${false})
      ORDER BY c."position", c."id"
      LIMIT ${TOPIC_CARDS}`,
      (row) => ({ cardId: row.cardId as string, memory: row.stateId === null ? null : memoryColumns(row) }),
    ),
  );
}

/** Every card of the topic, with content, once: the review screen works through them and asks for no more. */
export async function topicSession(db: Db, user: StudyUser, now: Date, mode: Topic): Promise<StudySessionView> {
  const cards = await sqlOf(db).read(() => topicCards(user.id, mode.topicId));
  const queue = cards.map((card) => ({ cardId: card.cardId, queue: KIND_OF_STATE[card.memory?.state ?? CardState.New] }));
  const memories = new Map(cards.flatMap((card) => (card.memory ? [[card.cardId, card.memory] as const] : [])));
  const view = await sessionView(db, user.id, now, { queue, memories, settings: settingsForDay(user, now), cardsPerResponse: TOPIC_CARDS });
  return { ...view, complete: true };
}

/** Whether a card is in the topic a topic session studies (the only cards it may grade). */
export function cardInTopic(card: { topicId: string | null }, mode: Topic): boolean {
  return card.topicId === mode.topicId;
}
