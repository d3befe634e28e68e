import Link from "next/link";
import { SampleCard } from "./sample-card";

export type LandingCard = { prompt: string; answer: string; source: string };

/** What a signed-out visitor sees at `/`: what Keypoint does, one card to try, and the way in. */
export function Landing({ card }: { card: LandingCard | null }) {
  return (
    <div className="landing" data-testid="landing">
      <section className="landing-pitch stack">
        <h1>Remember what you read.</h1>
        <p className="landing-lead">
          Give Keypoint your notes, a lecture handout or an article. It turns the key facts into flash cards, asks each one again
          just before you would forget it, quizzes you by topic and shows what you really remember.
        </p>
        <ul className="landing-points">
          <li>Paste text or upload a PDF, Word file or saved web page.</li>
          <li>Review a few minutes a day: the schedule adapts to each card.</li>
          <li>See which topics are solid and which need another look.</li>
        </ul>
        <div className="row">
          <Link className="button primary" href="/sign-up?sample=1" data-testid="landing-try-sample">
            Try with a sample deck
          </Link>
          <Link className="button" href="/sign-up">
            Create an account
          </Link>
        </div>
        <p className="muted small">
          Already have an account? <Link href="/sign-in">Sign in</Link>. Your documents stay on this server.{" "}
          <Link href="/help">How Keypoint works</Link>
        </p>
      </section>
      {card && <SampleCard {...card} />}
    </div>
  );
}
