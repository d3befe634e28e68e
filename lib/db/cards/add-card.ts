/** A card written by hand into one of the user's own documents, checked by the rules generated cards follow. */
import { cardContentProblem, handWrittenSource } from "../../cards/card-content";
import { searchTextOfCard } from "../../cards/search-text";
import type { NewCardInput } from "../../validation/cards";
import { sqlOf, type Db } from "../runtime/client";
import { Conflict, Invalid, NotFound } from "../runtime/errors";
import { visibleDocumentsWhere } from "../documents/decks";
import { insertHandCard } from "../documents/document-edits";
import { exec } from "../runtime/sql";

export async function addCard(db: Db, userId: string, input: NewCardInput, now: Date): Promise<{ id: string; documentId: string }> {
  const document = await db.document.findFirst({ where: { id: input.documentId, ...(await visibleDocumentsWhere(db, userId)) }, select: { id: true, ownerId: true } });
  if (!document) throw new NotFound("Document");
  if (input.topicId !== null && !(await db.topic.findFirst({ where: { id: input.topicId, documentId: document.id }, select: { id: true } }))) {
    throw new NotFound("Topic");
  }
  if (document.ownerId !== userId) throw new Conflict("The default deck is shared with everyone: add your own cards to one of your documents.", "SHARED_DECK");
  const content = { kind: input.kind, prompt: input.prompt, answer: input.answer, options: input.kind === "choice" ? (input.options ?? []) : (input.options ?? null) };
  const problem = cardContentProblem(content);
  if (problem) throw new Invalid(problem, "BAD_CARD");
  const source = handWrittenSource(content);
  const last = await db.card.aggregate({ where: { documentId: document.id }, _max: { position: true } });
  const row = { documentId: document.id, topicId: input.topicId, ...content, source, searchText: searchTextOfCard({ ...content, source }), position: (last._max.position ?? -1) + 1 };
  const id = await sqlOf(db).transaction(() => exec(insertHandCard(row, now)));
  return { id, documentId: document.id };
}
