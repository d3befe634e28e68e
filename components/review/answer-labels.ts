/**
 * The interval label of each answer button ("10m", "3d"), computed in the browser from the
 * card's memory and the user's scheduler settings that came with the session: the same
 * gradeCard the server applies, so the label shown is the interval applied.
 */
import { previewIntervals, type IntervalPreview } from "@/lib/scheduler/preview-intervals";
import { parseCardMemory, type CardMemory } from "@/lib/scheduler/memory";
import type { SchedulerSettings } from "@/lib/scheduler/settings";
import type { Rating } from "@/lib/scheduler/ratings";

/** A memory as it arrives: dates are strings after JSON, Date objects from a server-rendered page. */
export type MemoryPayload = Omit<CardMemory, "due" | "lastReview"> & { due: Date | string; lastReview: Date | string | null };

/** What each answer would do to the card: when it is due again, and the label. */
export function answerIntervals(cardId: string, memory: MemoryPayload, settings: SchedulerSettings, now: Date): Record<Rating, IntervalPreview> {
  const parsed = parseCardMemory({ ...memory, due: new Date(memory.due), lastReview: memory.lastReview === null ? null : new Date(memory.lastReview) });
  return previewIntervals({ cardId, memory: parsed, now, settings });
}

export function answerLabels(cardId: string, memory: MemoryPayload, settings: SchedulerSettings, now: Date): Record<Rating, string> {
  const preview = answerIntervals(cardId, memory, settings, now);
  return { 1: preview[1].label, 2: preview[2].label, 3: preview[3].label, 4: preview[4].label };
}

/**
 * The server's clock as the browser can tell it: `serverNow` was the server's time when a
 * session left it, `receivedAt` the browser's time on arrival. Labels use the server's time
 * (a device clock may be off; the server grades with its own).
 */
export function serverClock(serverNow: Date | string, receivedAt: number, browserNow: () => number = Date.now): () => Date {
  const offset = new Date(serverNow).getTime() - receivedAt;
  return () => new Date(browserNow() + offset);
}
