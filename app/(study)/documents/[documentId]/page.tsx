import Link from "next/link";
import { notFound } from "next/navigation";
import { DeckActions } from "@/components/documents/deck-actions";
import { DeckOptionsForm } from "@/components/documents/deck-options-form";
import { SavedImportNote } from "@/components/documents/saved-import";
import { AnkiExportLinks } from "@/components/documents/anki-export-links";
import { TopicQuizList, type TopicRow } from "@/components/quiz/topic-quiz-list";
import { NotFound } from "@/lib/db/runtime/errors";
import { requirePageUser } from "@/lib/auth/session";
import { builtinDeckTitle } from "@/lib/db/documents/decks";
import { deckOptions } from "@/lib/db/documents/deck-options";
import { deckFootprint } from "@/lib/db/documents/remove-deck";
import { db } from "@/lib/db/runtime/client";
import { documentQuizOverview } from "@/lib/db/quiz/mastery";
import { masteryLabel } from "@/lib/quiz";
import { now } from "@/lib/time/clock";
import { IdSchema } from "@/lib/validation/ids";

type Props = { params: Promise<{ documentId: string }> };

async function loadOverview(user: Parameters<typeof documentQuizOverview>[1], documentId: string) {
  if (!IdSchema.safeParse(documentId).success) notFound();
  try {
    return await documentQuizOverview(db(), user, documentId, now());
  } catch (error) {
    if (error instanceof NotFound) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props) {
  const { documentId } = await params;
  const title = IdSchema.safeParse(documentId).success ? await builtinDeckTitle(db(), documentId) : null;
  return { title: title ?? "Document" };
}

export default async function DocumentPage({ params }: Props) {
  const { documentId } = await params;
  const user = await requirePageUser(`/documents/${encodeURIComponent(documentId)}`);
  const { document, topics } = await loadOverview(user, documentId);
  const [footprint, options] = await Promise.all([deckFootprint(db(), user.id, document.id), deckOptions(db(), user.id, document.id)]);
  const rows: TopicRow[] = topics.map((topic) => ({
    topicId: topic.topicId,
    path: topic.path,
    title: topic.title,
    cardCount: topic.cardCount,
    mastery: masteryLabel(topic.mastery),
    open: topic.open,
  }));
  return (
    <div className="stack document-page">
      <SavedImportNote documentId={document.id} />
      <header className="stack document-head">
        <p className="small muted">
          <Link href="/">Decks</Link> / {document.builtin ? "Sample deck" : "Your document"}
        </p>
        <h1>{document.title}</h1>
        {document.summary && <p className="document-summary">{document.summary}</p>}
        <div className="row">
          <Link className="button primary" href={`/review?deck=${document.id}`} data-testid="review-deck">
            Review this deck
          </Link>
          <Link className="button" href={`/cards?document=${document.id}`} data-testid="browse-deck">
            Browse its {footprint.cards} cards
          </Link>
          <AnkiExportLinks documentId={document.id} />
        </div>
      </header>
      <section id="topics" aria-labelledby="topics-heading" className="card stack">
        <div>
          <h2 id="topics-heading">Quiz a topic</h2>
          <p className="small muted">
            A short scored test on one section. Quizzing a card that is not due leaves its review schedule as it is; a miss on a card that is due today counts as forgotten.
          </p>
        </div>
        <TopicQuizList documentId={document.id} topics={rows} />
      </section>
      <section aria-labelledby="manage-heading" className="card deck-manage">
        <h2 id="manage-heading">Study options and deck</h2>
        <DeckOptionsForm documentId={document.id} initial={options} global={{ newPerDay: user.dailyNewLimit, reviewsPerDay: user.dailyReviewLimit }} />
        <DeckActions deck={footprint} />
      </section>
    </div>
  );
}
