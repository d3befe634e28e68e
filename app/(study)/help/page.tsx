import Link from "next/link";
import { ShortcutTable } from "@/components/help/shortcut-table";

export const metadata = { title: "Help" };

const SECTIONS = [
  ["reviewing", "Reviewing"],
  ["grades", "The four grades"],
  ["fsrs", "How the schedule is chosen (FSRS)"],
  ["desired-retention", "Desired retention"],
  ["true-retention", "True retention"],
  ["stability", "Stability"],
  ["difficulty", "Difficulty"],
  ["recall", "Recall now"],
  ["card-states", "New, learning, young, mature"],
  ["mastery", "Topic mastery"],
  ["calibration", "Are the predictions right?"],
  ["quiz", "Quizzes and the quiz rule"],
  ["keys", "Keyboard shortcuts"],
] as const;

/** Keypoint in a learner's words: reviewing, grades, the scheduler, and every figure on the stats page. */
export default function HelpPage() {
  return (
    <article className="help stack" data-testid="help-page">
      <header>
        <h1>How Keypoint works</h1>
        <p className="muted">
          Keypoint turns what you read into short questions (cards) and asks each one again just before you would forget it. A few
          minutes a day is enough; the schedule does the planning.
        </p>
      </header>
      <nav aria-label="On this page" className="card help-toc">
        <ul>
          {SECTIONS.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section id="reviewing">
        <h2>Reviewing</h2>
        <p>
          <Link href="/review">Review</Link> shows today&apos;s cards one at a time. Try to remember the missing words, then show the
          answer and say how it went. Cards you are still learning come first, then cards due for review, then a few new cards (20 a day
          unless you change it in <Link href="/settings">Settings</Link>). The counters at the top say how many of each are still to come
          today; a card you missed comes back a few minutes later and is counted again.
        </p>
        <p>
          A study day starts at 4 a.m. in your time zone, so a late evening session still counts for that day. If you stop half-way,
          nothing is lost: come back later and carry on.
        </p>
      </section>

      <section id="grades">
        <h2>The four grades</h2>
        <dl className="help-terms">
          <dt>Again</dt>
          <dd>You did not remember. The card comes back in a few minutes, and later at shorter gaps.</dd>
          <dt>Hard</dt>
          <dd>You remembered, with real effort. The next gap grows only a little.</dd>
          <dt>Good</dt>
          <dd>You remembered after a moment&apos;s thought. This is the usual answer.</dd>
          <dt>Easy</dt>
          <dd>You knew it at once. The next gap grows a lot.</dd>
        </dl>
        <p>Each button shows when the card would come back (10m, 3d, 2.1mo…). Be honest: the schedule is only as good as your answers.</p>
      </section>

      <section id="fsrs">
        <h2>How the schedule is chosen (FSRS)</h2>
        <p>
          Keypoint uses FSRS, the scheduler Anki uses too. For every card it keeps an estimate of how well you know it, learned from
          your answers, and predicts how likely you are to remember it on any day. A card is due on the day that chance falls to your
          desired retention. Cards you know well wait months; cards you keep missing come back often.
        </p>
      </section>

      <section id="desired-retention">
        <h2>Desired retention</h2>
        <p>
          The chance of remembering a card that you aim for when it comes up: 90% by default. Higher means more reviews for a little more
          memory (95% needs roughly twice the reviews of 90%); lower means fewer reviews and more forgetting. Change it in{" "}
          <Link href="/settings">Settings</Link>.
        </p>
      </section>

      <section id="true-retention">
        <h2>True retention</h2>
        <p>
          How often you actually remembered: of the cards you reviewed after a gap of a day or more, the share you did not answer
          &quot;Again&quot; (only each card&apos;s first review of a day counts). If it sits near your desired retention, the schedule fits you.
          Young cards have gaps under three weeks, mature cards three weeks or more; mature cards are usually remembered better.
        </p>
      </section>

      <section id="stability">
        <h2>Stability</h2>
        <p>
          How firmly a card is anchored, in days: the time it takes for your chance of remembering it to fall to 90%. A card with a
          stability of 30 days would still be remembered 9 times in 10 a month from its last review. Each successful review raises it.
        </p>
      </section>

      <section id="difficulty">
        <h2>Difficulty</h2>
        <p>From 1 (easy to remember) to 10 (hard). Cards you often miss become harder, and their gaps grow more slowly.</p>
      </section>

      <section id="recall">
        <h2>Recall now</h2>
        <p>
          For each card you have studied, the predicted chance that you would remember it if asked right now. It falls day by day
          after a review, and jumps back up when you review the card.
        </p>
      </section>

      <section id="card-states">
        <h2>New, learning, young, mature</h2>
        <p>
          <strong>New</strong>: never studied. <strong>Learning</strong>: seen today or recently missed, coming back within minutes or
          hours. <strong>Young</strong>: remembered, with a gap under three weeks. <strong>Mature</strong>: a gap of three weeks or more.{" "}
          <strong>Suspended</strong>: cards you took out of your reviews.
        </p>
      </section>

      <section id="mastery">
        <h2>Topic mastery</h2>
        <p>
          Each topic shows the average chance of remembering its cards now, counting only cards that have left learning (a gap of a
          day or more), and your best quiz score of the last 30 days. A topic whose cards you have just started, or just missed, says
          &quot;learning&quot;: right after an answer any card feels known, so that figure would say nothing yet.
        </p>
      </section>

      <section id="calibration">
        <h2>Are the predictions right?</h2>
        <p>
          Before each review the scheduler predicts how likely you are to remember the card. This chart puts those predictions next to
          how often you really remembered. Close together means the schedule can be trusted; with few reviews the bars are noisy.
        </p>
      </section>

      <section id="quiz">
        <h2>Quizzes and the quiz rule</h2>
        <p>
          On a document&apos;s page, pick a topic and start a quiz: multiple choice, typed answers and true-or-false statements (one number
          changed, or not). A quiz is practice. It does not move the schedule of a card that is not due yet, so quizzing ahead does not
          upset the spacing. If a card is due today, its quiz answer counts as that day&apos;s review: right is graded Good, wrong is graded
          Again.
        </p>
        <p>
          Typed answers forgive case, punctuation, a small typo in a long word, two swapped letters, and a shortened answer that names
          only this answer (&quot;mitral&quot; for &quot;mitral valve&quot;). Numbers must be exact. If you were marked wrong but your answer
          means the same, press &quot;I was right&quot;: it is counted as right and remembered as your call.
        </p>
      </section>

      <section id="keys">
        <h2>Keyboard shortcuts</h2>
        <p className="muted">Press ? on any study page to see these.</p>
        <ShortcutTable />
      </section>
    </article>
  );
}
