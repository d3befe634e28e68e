/**
 * Cards written in bulk (an Anki import: tens of thousands of cards, a batch per transaction),
 * in plain SQL: the ORM compiles every statement anew, which would be most of an import's time.
 * Decks saved from documents go through save-deck.ts.
 */
import { searchTextOfCard } from "../../cards/search-text";
import { changes, changedOne, joinSql, sql, type Statement } from "../runtime/sql";

export interface NewDocument {
  id: string;
  ownerId: string;
  title: string;
  summary: string | null;
  sourceText: string;
  contentHash: string;
  createdAt: Date;
}

export function insertDocument(d: NewDocument): Statement<boolean> {
  return changedOne(sql`
    INSERT INTO "Document" ("id", "ownerId", "title", "summary", "sourceText", "contentHash", "createdAt")
    VALUES (${d.id}, ${d.ownerId}, ${d.title}, ${d.summary}, ${d.sourceText}, ${d.contentHash}, ${d.createdAt})`);
}

export function insertTopic(t: { id: string; documentId: string; path: string; title: string; order: number }): Statement<boolean> {
  return changedOne(sql`INSERT INTO "Topic" ("id", "documentId", "path", "title", "order") VALUES (${t.id}, ${t.documentId}, ${t.path}, ${t.title}, ${t.order})`);
}

export interface NewCard {
  id: string;
  documentId: string;
  topicId: string | null;
  fingerprint: string;
  kind: string;
  prompt: string;
  answer: string;
  options: string | null;
  source: string;
  quality: number;
  position: number;
  createdAt: Date;
}

export function insertCards(cards: readonly NewCard[]): Statement<number> {
  const values = cards.map(
    (c) => sql`(${c.id}, ${c.documentId}, ${c.topicId}, ${c.fingerprint}, ${c.kind}, ${c.prompt}, ${c.answer}, ${c.options}, ${c.source}, ${c.quality}, ${c.position}, ${c.createdAt}, ${bulkSearchText(c)})`,
  );
  return changes(sql`
    INSERT INTO "Card" ("id", "documentId", "topicId", "fingerprint", "kind", "prompt", "answer", "options", "source", "quality", "position", "createdAt", "searchText")
    VALUES ${joinSql(values, ", ")}`);
}

/** The card browser's search words, so imported cards are found like generated ones. */
function bulkSearchText(c: NewCard): string {
  return searchTextOfCard({ prompt: c.prompt, answer: c.answer, options: c.options ? (JSON.parse(c.options) as string[]) : null, source: c.source });
}
