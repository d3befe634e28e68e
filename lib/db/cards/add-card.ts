/** A card written by hand into one of the user's own documents, checked by the rules generated cards follow. */
import { cardContentProblem, handWrittenSource } from "../../cards/card-content";
import { searchTextOfCard } from "../../cards/search-text";
import type { NewCardInput } from "../../validation/cards";
import type { Db } from "../runtime/client";
import { Conflict, Invalid, NotFound } from "../runtime/errors";
import { visibleDocumentsWhere } from "../documents/decks";
import { handCardFingerprint } from "./hand-card";

export async function addCard(db: Db, userId: string, input: NewCardInput): Promise<{ id: string; documentId: string }> {
  const document = await db.document.findFirst({ where: { id: input.documentId, ...visibleDocumentsWhere(userId) }, select: { id: true, ownerId: true } });
  if (!document) throw new NotFound("Document");
  if (document.ownerId !== userId) throw new Conflict("The default deck is shared with everyone: add your own cards to one of your documents.", "SHARED_DECK");
  if (input.topicId !== null && !(await db.topic.findFirst({ where: { id: input.topicId, documentId: document.id }, select: { id: true } }))) {
    throw new NotFound("Topic");
  }
  const content = { kind: input.kind, prompt: input.prompt, answer: input.answer, options: input.kind === "choice" ? (input.options ?? []) : null };
  const problem = cardContentProblem(content);
  if (problem) throw new Invalid(problem, "BAD_CARD");
  const source = handWrittenSource(content);
  const last = await db.card.aggregate({ where: { documentId: document.id }, _max: { position: true } });
  return db.card.create({
    data: {
      documentId: document.id,
      topicId: input.topicId,
      fingerprint: handCardFingerprint(),
      kind: input.kind.toUpperCase(),
      prompt: content.prompt,
      answer: content.answer,
      options: content.options ? JSON.stringify(content.options) : null,
      source,
      quality: 1,
      position: (last._max.position ?? -1) + 1,
      manual: true,
      searchText: searchTextOfCard({ ...content, source }),
    },
    select: { id: true, documentId: true },
  });
}
