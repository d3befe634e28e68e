import { createHash } from "node:crypto";
import { searchTextOfCard } from "../../cards/search-text";
import type { DeckDraft } from "../../generator/types";
import type { Db } from "../runtime/client";

export function contentHash(text: string): string {
  return createHash("sha256").update(text.replace(/\r\n?/g, "\n").trim()).digest("hex");
}

export type DeckOwner = { ownerId: string } | { builtinKey: string };

/**
 * Stores a generated deck in one transaction. Idempotent: saving the same text for
 * the same owner again changes nothing, and a new version of a document keeps every
 * card whose fingerprint is unchanged (and so its review history).
 */
export async function saveDeck(db: Db, owner: DeckOwner, sourceText: string, draft: DeckDraft) {
  const hash = contentHash(sourceText);
  const existing =
    "builtinKey" in owner
      ? await db.document.findUnique({ where: { builtinKey: owner.builtinKey } })
      : await db.document.findUnique({ where: { ownerId_contentHash: { ownerId: owner.ownerId, contentHash: hash } } });
  if (existing && existing.contentHash === hash) return { document: existing, created: false };

  return db.$transaction(
    async (tx) => {
      const fields = { title: draft.title, summary: draft.summary, sourceText, contentHash: hash };
      const document = existing
        ? await tx.document.update({ where: { id: existing.id }, data: fields })
        : await tx.document.create({
            data: { ...fields, ...("builtinKey" in owner ? { builtinKey: owner.builtinKey } : { ownerId: owner.ownerId }) },
          });

      const topicIds = new Map<string, string>();
      for (const topic of draft.topics) {
        const row = await tx.topic.upsert({
          where: { documentId_path: { documentId: document.id, path: topic.path } },
          create: { documentId: document.id, path: topic.path, title: topic.title, order: topic.order },
          update: { title: topic.title, order: topic.order },
        });
        topicIds.set(topic.path, row.id);
      }

      const known = new Set(
        (await tx.card.findMany({ where: { documentId: document.id }, select: { fingerprint: true } })).map((c) => c.fingerprint),
      );
      const rows = draft.cards.map((card, position) => ({
        documentId: document.id,
        topicId: card.topic === null ? null : (topicIds.get(card.topic) ?? null),
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
        await tx.card.update({ where: { documentId_fingerprint: { documentId: document.id, fingerprint: row.fingerprint } }, data: row });
      }
      // Cards the new version no longer has go, unless someone has studied them or the owner wrote them by hand.
      await tx.card.deleteMany({
        where: { documentId: document.id, manual: false, fingerprint: { notIn: rows.map((r) => r.fingerprint) }, reviewLogs: { none: {} } },
      });
      await tx.topic.deleteMany({ where: { documentId: document.id, cards: { none: {} }, path: { notIn: draft.topics.map((t) => t.path) } } });
      return { document, created: !existing };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
