/** Custom study: more new cards today than the daily limits allow (Anki's "Increase today's new card limit"). */
import { extraNewToday, settingsForDay, studyDayEnd, type StudyUser } from "../../scheduler";
import type { Db } from "../runtime/client";

/**
 * Adds `count` new cards to today's limits (the global one and each deck's own), until the
 * study day ends; asking again the same day adds more. Answers how many extra new cards today has.
 */
export async function grantExtraNewCards(db: Db, user: StudyUser, count: number, now: Date): Promise<{ extraNewCards: number; until: Date }> {
  const settings = settingsForDay(user, now);
  const until = studyDayEnd(now, settings.timeZone, settings.dayStartHour);
  const extraNewCards = extraNewToday(user, now) + count;
  await db.user.update({ where: { id: user.id }, data: { extraNewCards, extraNewUntil: until } });
  return { extraNewCards, until };
}
