import Link from "next/link";
import type { Ref } from "react";
import type { SessionPayload } from "./review-api";
import type { SessionTally } from "./review-queue";

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
}

/** `custom`: a custom-study session, which has no day's schedule to report on. `headingRef` receives the heading, which takes the focus when the last answer ends the session. */
export function SessionSummary({ tally, session, custom, headingRef }: { tally: SessionTally; session: SessionPayload; custom: boolean; headingRef?: Ref<HTMLHeadingElement> }) {
  const nextLearning = session.learningLaterToday.nextDue ? new Date(session.learningLaterToday.nextDue) : null;
  return (
    <section className="card stack" data-testid="session-summary">
      {tally.reviewed > 0 ? (
        <>
          <h1 ref={headingRef} tabIndex={-1}>Session complete</h1>
          <div className="summary-grid">
            <div>
              <strong data-testid="summary-reviewed">{tally.reviewed}</strong>
              <span className="muted">cards reviewed</span>
            </div>
            <div>
              <strong>{Math.round((100 * tally.correct) / tally.reviewed)}%</strong>
              <span className="muted">correct</span>
            </div>
            <div>
              <strong>{formatDuration(tally.lastAnswerAt - tally.startedAt)}</strong>
              <span className="muted">time</span>
            </div>
          </div>
        </>
      ) : (
        <h1 ref={headingRef} tabIndex={-1}>All caught up</h1>
      )}
      {nextLearning && (
        <p>
          {session.learningLaterToday.count} card{session.learningLaterToday.count === 1 ? "" : "s"} in learning come back at{" "}
          {nextLearning.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}.
        </p>
      )}
      {session.backlogBeyondLimit > 0 && (
        <p className="muted">
          {session.backlogBeyondLimit} more reviews are due but over your daily review limit; they come first tomorrow.
        </p>
      )}
      {!custom && (
        <p data-testid="come-back">
          Come back tomorrow: {session.dueTomorrow} card{session.dueTomorrow === 1 ? "" : "s"} due.
        </p>
      )}
      <div className="row">
        <Link className="button primary" href="/">
          Back to decks
        </Link>
        <Link className="button" href="/stats">
          See your stats
        </Link>
      </div>
    </section>
  );
}
