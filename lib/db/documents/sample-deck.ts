import { DEFAULT_DECK_KEY } from "../ops/default-deck";
import type { Db } from "../runtime/client";
import { NotFound } from "../runtime/errors";

/**
 * Takes the bundled sample deck into the user's decks ("Try with a sample deck"), or puts it
 * away again. Putting it away keeps the user's progress on it: taking it back resumes there.
 * Returns the sample deck's id.
 */
export async function chooseSampleDeck(db: Db, userId: string, taken: boolean, now: Date): Promise<string> {
  const deck = await db.document.findUnique({ where: { builtinKey: DEFAULT_DECK_KEY }, select: { id: true } });
  if (!deck) throw new NotFound("Sample deck");
  if (taken) {
    // taking it again also brings it back if it was removed from the deck list (remove-deck.ts)
    await db.$transaction([
      db.sampleDeckChoice.upsert({ where: { userId }, create: { userId, addedAt: now }, update: {} }),
      db.deckOptions.updateMany({ where: { userId, documentId: deck.id }, data: { hiddenAt: null } }),
    ]);
  } else await db.sampleDeckChoice.deleteMany({ where: { userId } });
  return deck.id;
}

/** The sample deck's first fill-in-the-gap card, for the landing page; null before the deck is loaded. */
export async function sampleCard(db: Db): Promise<{ prompt: string; answer: string; source: string } | null> {
  return db.card.findFirst({
    where: { kind: "CLOZE", document: { builtinKey: DEFAULT_DECK_KEY } },
    orderBy: { position: "asc" },
    select: { prompt: true, answer: true, source: true },
  });
}
