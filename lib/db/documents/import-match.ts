/**
 * Which of the user's decks an imported text belongs to, for the import preview: the deck they
 * asked to update, else the deck with this very text (even one they deleted), else their deck
 * with the same title (an earlier version). The preview compares its cards with the deck's.
 */
import type { Db } from "../runtime/client";
import { NotFound } from "../runtime/errors";
import { contentHash } from "./save-deck";

export interface ImportMatch {
  documentId: string;
  title: string;
  /** The deck has this very text. */
  sameText: boolean;
  /** The user deleted it (within the last 30 days): saving brings it back. */
  deleted: boolean;
  /** Found by its title: the user may rather save the text as a new deck. */
  byTitle: boolean;
  /** The generated cards it has now (their ids, as the preview's). */
  cardIds: string[];
  /** Cards the user wrote by hand into it: a new version keeps them. */
  handWritten: number;
}

const sameTitle = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

export async function findImportMatch(db: Db, userId: string, text: string, title: string, update?: string): Promise<ImportMatch | null> {
  const documents = await db.document.findMany({
    where: { ownerId: userId },
    select: { id: true, title: true, contentHash: true, deletedAt: true },
    orderBy: { createdAt: "desc" },
  });
  const hash = contentHash(text);
  let match = update ? documents.find((d) => d.id === update && d.deletedAt === null) : undefined;
  if (update && !match) throw new NotFound("Document");
  match ??= documents.find((d) => d.contentHash === hash) ?? documents.find((d) => d.deletedAt === null && sameTitle(d.title, title));
  if (!match) return null;
  const cards = await db.card.findMany({ where: { documentId: match.id }, select: { fingerprint: true, manual: true } });
  return {
    documentId: match.id,
    title: match.title,
    sameText: match.contentHash === hash,
    deleted: match.deletedAt !== null,
    byTitle: !update && match.contentHash !== hash,
    cardIds: cards.filter((card) => !card.manual).map((card) => card.fingerprint),
    handWritten: cards.filter((card) => card.manual).length,
  };
}
