import { createHash } from "node:crypto";
import { searchTextOfCard } from "../../cards/search-text";
import type { DeckDraft } from "../../generator/types";
import { newCardMemory } from "../../scheduler";
import type { Db } from "../runtime/client";
import { handCardFingerprint } from "../cards/add-card";

export function contentHash(text: string): string {
  return createHash("sha256").update(text.replace(/\r\n?/g, "\n").trim()).digest("hex");
}

export type DeckOwner = { ownerId: string } | { builtinKey: string };

/** The owner's wording of a generated card, kept on their CardState as any edit of theirs is. */
export interface OwnerWording {
  prompt: string;
  answer: string;
  options: string[] | null;
  searchText: string;
}

/** A card the owner wrote in the import preview. */
export interface HandWrittenCard {
  kind: "cloze" | "choice";
  topic: string | null;
  prompt: string;
  answer: string;
  options: string[] | null;
  source: string;
}

export interface SaveDeckOptions {
  /** The title the owner gave it (else a deck keeps its title, and a new one takes the document's). */
  title?: string;
  /** The owner's document this text is a new version of (else the one with this very text, or a new one). */
  into?: string;
  /** The owner's wording of generated cards, by card id (fingerprint). */
  wordings?: Map<string, OwnerWording>;
  handWritten?: HandWrittenCard[];
  now?: Date;
}

/** What saving changed in a deck that already existed (all zero for a new one, but `added`). */
export interface DeckChanges {
  added: number;
  unchanged: number;
  /** Cards of the previous version the new one no longer has: suspended for the owner, history kept. */
  suspended: number;
  edited: number;
}

/**
 * Stores a generated deck in one transaction. Idempotent: saving the same text and cards for
 * the same owner again changes nothing. A new version of a document keeps every card whose
 * fingerprint is unchanged (and so its review history) and adds the new ones. The cards it no
 * longer has are suspended for the owner of a user's document (their history kept, found in the
 * card browser), and taken out of the shared default deck unless someone studied them.
 * Hand-written cards stay whatever the text says.
 */
export async function saveDeck(db: Db, owner: DeckOwner, sourceText: string, draft: DeckDraft, options: SaveDeckOptions = {}) {
  const now = options.now ?? new Date();
  const hash = contentHash(sourceText);
  const ownerId = "ownerId" in owner ? owner.ownerId : null;
  const existing =
    "builtinKey" in owner
      ? await db.document.findUnique({ where: { builtinKey: owner.builtinKey } })
      : options.into
        ? await db.document.findFirst({ where: { id: options.into, ownerId: owner.ownerId } })
        : await db.document.findUnique({ where: { ownerId_contentHash: { ownerId: owner.ownerId, contentHash: hash } } });
  const fingerprints = draft.cards.map((card) => card.id);
  const title = ownerId ? (options.title ?? existing?.title ?? draft.title) : draft.title;
  const extras = (options.wordings?.size ?? 0) + (options.handWritten?.length ?? 0);
  if (existing && existing.contentHash === hash && existing.deletedAt === null && existing.title === title && extras === 0) {
    const known = await db.card.findMany({ where: { documentId: existing.id, manual: false }, select: { fingerprint: true } });
    const same = known.length === fingerprints.length && known.every((card) => fingerprints.includes(card.fingerprint));
    // the shared deck follows its text alone: the same text is the same deck
    if (same || !ownerId) return { document: existing, created: false, changes: { added: 0, unchanged: known.length, suspended: 0, edited: 0 } };
  }

  return db.$transaction(
    async (tx) => {
      const fields = { title, summary: draft.summary, sourceText, contentHash: hash };
      const document = existing
        ? await tx.document.update({ where: { id: existing.id }, data: { ...fields, deletedAt: null } })
        : await tx.document.create({ data: { ...fields, ...("builtinKey" in owner ? { builtinKey: owner.builtinKey } : { ownerId: owner.ownerId }) } });

      const topicIds = new Map<string, string>();
      for (const topic of draft.topics) {
        const row = await tx.topic.upsert({
          where: { documentId_path: { documentId: document.id, path: topic.path } },
          create: { documentId: document.id, path: topic.path, title: topic.title, order: topic.order },
          update: { title: topic.title, order: topic.order },
        });
        topicIds.set(topic.path, row.id);
      }
      const topicOf = (path: string | null) => (path === null ? null : (topicIds.get(path) ?? null));

      const before = await tx.card.findMany({ where: { documentId: document.id, manual: false }, select: { id: true, fingerprint: true, topicMoved: true } });
      const known = new Map(before.map((card) => [card.fingerprint, card]));
      const rows = draft.cards.map((card, position) => ({
        documentId: document.id,
        topicId: topicOf(card.topic),
        fingerprint: card.id,
        kind: card.kind.toUpperCase(),
        prompt: card.prompt,
        answer: card.answer,
        options: card.options ? JSON.stringify(card.options) : null,
        source: card.source,
        quality: card.quality,
        position,
        searchText: searchTextOfCard(card),
      }));
      const fresh = rows.filter((row) => !known.has(row.fingerprint));
      if (fresh.length) await tx.card.createMany({ data: fresh });
      for (const row of rows.filter((r) => known.has(r.fingerprint))) {
        // a card the owner moved to another topic stays there
        const data = known.get(row.fingerprint)!.topicMoved ? { ...row, topicId: undefined } : row;
        await tx.card.update({ where: { documentId_fingerprint: { documentId: document.id, fingerprint: row.fingerprint } }, data });
      }
      const hand = options.handWritten ?? [];
      if (hand.length) {
        await tx.card.createMany({
          data: hand.map((card, index) => ({
            documentId: document.id,
            topicId: topicOf(card.topic),
            fingerprint: handCardFingerprint(),
            kind: card.kind.toUpperCase(),
            prompt: card.prompt,
            answer: card.answer,
            options: card.options ? JSON.stringify(card.options) : null,
            source: card.source,
            quality: 1,
            position: rows.length + index,
            manual: true,
            searchText: searchTextOfCard(card),
          })),
        });
      }

      const gone = before.filter((card) => !fingerprints.includes(card.fingerprint));
      let suspended = 0;
      if (ownerId) {
        const ids = new Map((await tx.card.findMany({ where: { documentId: document.id, fingerprint: { in: fingerprints } }, select: { id: true, fingerprint: true } })).map((c) => [c.fingerprint, c.id]));
        suspended = await suspendForOwner(tx, ownerId, document.id, gone.map((card) => card.id), now);
        for (const [fingerprint, wording] of options.wordings ?? []) {
          const cardId = ids.get(fingerprint);
          if (cardId) await saveOwnerWording(tx, ownerId, document.id, cardId, wording, now);
        }
      } else {
        await tx.card.deleteMany({ where: { id: { in: gone.map((card) => card.id) }, reviewLogs: { none: {} } } });
      }
      await tx.topic.deleteMany({ where: { documentId: document.id, cards: { none: {} }, path: { notIn: draft.topics.map((t) => t.path) } } });
      const changes: DeckChanges = { added: fresh.length + hand.length, unchanged: rows.length - fresh.length, suspended, edited: options.wordings?.size ?? 0 };
      return { document, created: !existing, changes };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Suspends these cards for the owner (a state as new for those never studied); returns how many were not suspended before. */
async function suspendForOwner(tx: Tx, userId: string, documentId: string, cardIds: string[], now: Date): Promise<number> {
  if (cardIds.length === 0) return 0;
  const { count } = await tx.cardState.updateMany({ where: { userId, cardId: { in: cardIds }, suspended: false }, data: { suspended: true, version: { increment: 1 } } });
  const stated = new Set((await tx.cardState.findMany({ where: { userId, cardId: { in: cardIds } }, select: { cardId: true } })).map((s) => s.cardId));
  const unstudied = cardIds.filter((id) => !stated.has(id));
  if (unstudied.length) await tx.cardState.createMany({ data: unstudied.map((cardId) => ({ userId, cardId, documentId, ...newCardMemory(now), suspended: true })) });
  return count + unstudied.length;
}

async function saveOwnerWording(tx: Tx, userId: string, documentId: string, cardId: string, wording: OwnerWording, now: Date): Promise<void> {
  const custom = {
    customPrompt: wording.prompt,
    customAnswer: wording.answer,
    customOptions: wording.options && JSON.stringify(wording.options),
    searchText: wording.searchText,
  };
  await tx.cardState.upsert({
    where: { userId_cardId: { userId, cardId } },
    create: { userId, cardId, documentId, ...newCardMemory(now), ...custom },
    update: { ...custom, version: { increment: 1 } },
  });
}
