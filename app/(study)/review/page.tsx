import { ReviewSession } from "@/components/review/review-session";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db/runtime/client";
import { findVisibleDocument } from "@/lib/db/documents/decks";
import { loadStudySession } from "@/lib/db/review/study-session";
import { now } from "@/lib/time/clock";
import { IdSchema } from "@/lib/validation/ids";

export const metadata = { title: "Review" };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ deck?: string }> }) {
  const { deck: rawDeck } = await searchParams;
  const user = await requirePageUser(rawDeck ? `/review?deck=${encodeURIComponent(rawDeck)}` : "/review");
  const parsed = IdSchema.safeParse(rawDeck);
  const document = parsed.success ? await findVisibleDocument(db(), user.id, parsed.data) : null;
  const session = await loadStudySession(db(), user, now(), { documentId: document?.id });
  return (
    <>
      <h1 className="sr-only">Review{document ? `: ${document.title}` : ""}</h1>
      {document && <p className="muted small">Reviewing “{document.title}”</p>}
      <ReviewSession initial={session} deck={document?.id} />
    </>
  );
}
