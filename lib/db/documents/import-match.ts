/**
 * Which of the user's decks an imported text belongs to, for the import preview: the deck they
 * asked to update, else the deck with this very text (even one they deleted), else their deck
 * with the same title (an earlier version). The preview compares its cards with the deck's.
 */
import { NotFound } from "../runtime/errors";
import { readOne, rows, sql, type SqlRunner } from "../runtime/sql";
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

export async function findImportMatch(runner: SqlRunner, userId: string, text: string, title: string, update?: string): Promise<ImportMatch | null> {
  const documents = await readOne(
    runner,
    rows(sql`SELECT "id", "title", "contentHash", "deletedAt" FROM "Document" WHERE "ownerId" = ${userId} ORDER BY "createdAt" DESC`, (row) => ({
      id: row.id as string,
      title: row.title as string,
      contentHash: row.contentHash as string,
      deleted: row.deletedAt !== null,
    })),
  );
  const hash = contentHash(text);
  let match = update ? documents.find((d) => d.id === update && !d.deleted) : undefined;
  if (update && !match) throw new NotFound("Document");
  match ??= documents.find((d) => d.contentHash === hash) ?? documents.find((d) => !d.deleted && sameTitle(d.title, title));
  if (!match) return null;
  const cards = await readOne(
    runner,
    rows(sql`SELECT "fingerprint", "manual" FROM "Card" WHERE "documentId" = ${match.id}`, (row) => ({ fingerprint: row.fingerprint as string, manual: Boolean(Number(row.manual)) })),
  );
  return {
    documentId: match.id,
    title: match.title,
    sameText: match.contentHash === hash,
    deleted: match.deleted,
    byTitle: !update && match.contentHash !== hash,
    cardIds: cards.filter((card) => !card.manual).map((card) => card.fingerprint),
    handWritten: cards.filter((card) => card.manual).length,
  };
}
