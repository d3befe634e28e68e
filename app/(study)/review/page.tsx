import { ReviewSession } from "@/components/review/review-session";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { findVisibleDocument, studyTopics } from "@/lib/db/documents/decks";
import { NotFound } from "@/lib/db/runtime/errors";
import { loadStudySession, type SessionOptions } from "@/lib/db/review/study-session";
import type { StudyUser } from "@/lib/scheduler";
import { now } from "@/lib/time/clock";
import { firstValue } from "@/lib/validation/stats";
import { ReviewPageQuerySchema, studyModeOf, type StudyMode } from "@/lib/validation/review";

export const metadata = { title: "Review" };

type SearchParams = Record<string, string | string[] | undefined>;

function describe(study: StudyMode | undefined, deckTitle: string | undefined): string | null {
  const where = deckTitle ? ` in “${deckTitle}”` : "";
  if (study?.kind === "ahead") return `Reviewing ahead: the cards due in the next ${study.days} day${study.days === 1 ? "" : "s"}${where}.`;
  if (study?.kind === "topic") return study.reschedule ? "Studying a topic again; your answers move its cards' schedule." : "Practising a topic again.";
  return deckTitle ? `Reviewing “${deckTitle}”` : null;
}

/** The session asked for; a topic the user cannot see falls back to the day's cards. */
async function sessionOrToday(user: StudyUser, options: SessionOptions, at: Date) {
  try {
    return { study: options.study, missing: false, session: await loadStudySession(db(), user, at, options) };
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    return { study: undefined, missing: true, session: await loadStudySession(db(), user, at, { ...options, study: undefined }) };
  }
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const query = ReviewPageQuerySchema.parse(Object.fromEntries(Object.keys(ReviewPageQuerySchema.shape).map((key) => [key, firstValue(raw[key])])));
  const kept = Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]]));
  const returnTo = `/review${kept.length ? `?${new URLSearchParams(kept)}` : ""}`;
  const user = await requirePageUser(returnTo);
  const document = query.deck ? await findVisibleDocument(db(), user.id, query.deck) : null;
  const { study, missing, session } = await sessionOrToday(user, { documentId: document?.id, study: studyModeOf(query) }, now());
  const scope = { deck: document?.id, study };
  const topics = await studyTopics(db(), user.id, document?.id);
  const heading = describe(study, document?.title);
  return (
    <>
      <h1 className="sr-only">Review{document ? `: ${document.title}` : ""}</h1>
      {missing && <p className="alert info">That topic was not found, so today&apos;s cards are shown.</p>}
      {heading && <p className="muted small" data-testid="review-scope">{heading}</p>}
      <ReviewSession key={JSON.stringify(scope)} initial={session} scope={scope} topics={topics} />
    </>
  );
}
