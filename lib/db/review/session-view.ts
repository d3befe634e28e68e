/** A study queue as the review screen receives it: the first cards with their content and the interval each answer would give. */
import { newCardMemory, studyDayStart, type CardMemory, type QueueEntry, type QueueKind, type SchedulerSettings } from "../../scheduler";
import { seededRandom, shuffle } from "../../quiz/random";
import { sqlOf, type Db } from "../runtime/client";
import { exec } from "../runtime/sql";
import { cardViews, type CardView } from "./card-view";

export interface SessionCardView extends CardView {
  queue: QueueKind;
  /** The user's memory of the card: the browser labels each answer button from it (components/review/answer-labels.ts). */
  memory: CardMemory;
}

export interface StudySessionView {
  cards: SessionCardView[];
  counts: { new: number; learning: number; review: number };
  backlogBeyondLimit: number;
  learningLaterToday: { count: number; nextDue: Date | null };
  /** When nothing is left: how many cards fall due by the end of tomorrow's study day. */
  dueTomorrow: number;
  /** Custom study of a topic: the session holds every card it will show (the browser never asks for more). */
  complete?: boolean;
  /** When today's study day began: the browser keeps the session's progress for that day. */
  dayStart: Date;
  /** The server's clock when this was built, and the user's scheduler settings: what the labels need. */
  now: Date;
  scheduler: SchedulerSettings;
}

/** A queue, the memory of each studied card in it, and how many of its cards go out with content. */
export interface PlannedQueue {
  queue: QueueEntry[];
  memories: ReadonlyMap<string, CardMemory>;
  settings: SchedulerSettings;
  cardsPerResponse: number;
}

/** The queue's first cards with their content (the user's edits applied), with `first` (a card brought back by undo) at the head. */
export async function sessionView(db: Db, userId: string, now: Date, planned: PlannedQueue, first?: string): Promise<StudySessionView> {
  const queue = first ? moveToFront(planned.queue, first) : planned.queue;
  const head = queue.slice(0, planned.cardsPerResponse);
  const cards = head.length ? await sqlOf(db).read(() => exec(cardViews(userId, head.map((entry) => entry.cardId)))) : [];
  const cardById = new Map(cards.map((card) => [card.id, card]));
  const views = head.flatMap((entry): SessionCardView[] => {
    const card = cardById.get(entry.cardId);
    if (!card) return [];
    const memory = planned.memories.get(entry.cardId) ?? newCardMemory(now);
    // Options in a new order at each showing: the generator lists numbers in order, and a
    // position remembered from last time is not recall.
    const options = card.options && shuffle(card.options, seededRandom(`${card.id}:${memory.reps}`));
    return [{ ...card, options, queue: entry.queue, memory }];
  });
  return {
    cards: views,
    counts: countsOf(queue),
    backlogBeyondLimit: 0,
    learningLaterToday: { count: 0, nextDue: null },
    dueTomorrow: 0,
    dayStart: studyDayStart(now, planned.settings.timeZone, planned.settings.dayStartHour),
    now,
    scheduler: planned.settings,
  };
}

/** Cards of each kind in a queue. */
export function countsOf(queue: readonly QueueEntry[]): StudySessionView["counts"] {
  const count = (kind: QueueKind) => queue.filter((entry) => entry.queue === kind).length;
  return { new: count("new"), learning: count("learning"), review: count("review") };
}

function moveToFront<T extends { cardId: string }>(queue: T[], cardId: string): T[] {
  const index = queue.findIndex((entry) => entry.cardId === cardId);
  return index <= 0 ? queue : [queue[index], ...queue.slice(0, index), ...queue.slice(index + 1)];
}
