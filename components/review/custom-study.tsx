"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { MAX_AHEAD_DAYS } from "@/lib/validation/review";
import { RequestFailed, reviewApi } from "./review-api";

export interface StudyTopic {
  id: string;
  title: string;
  deckTitle: string;
}

/**
 * Custom study once the day's cards are done (Anki's Custom Study): reviews due in the next
 * days, more new cards today, or a topic again, as practice or moving its schedule.
 */
export function CustomStudy({ deck, topics, custom, reload }: { deck?: string; topics: StudyTopic[]; custom: boolean; reload: () => Promise<unknown> }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decks = [...new Set(topics.map((topic) => topic.deckTitle))];
  const here = deck ? `/review?deck=${encodeURIComponent(deck)}` : "/review";

  async function moreNewCards(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await reviewApi.extraNew(Number(new FormData(event.currentTarget).get("count")));
      // the day's session takes them; from a custom study session, go back to it
      if (custom) router.push(here);
      else await reload();
    } catch (failure) {
      setError(failure instanceof RequestFailed ? failure.message : "Could not add new cards. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack custom-study" aria-labelledby="custom-study-heading" data-testid="custom-study">
      <div>
        <h2 id="custom-study-heading">Custom study</h2>
        <p className="small muted">Done for today? Study a little more without waiting for tomorrow.</p>
      </div>
      {error && <p className="alert" role="alert">{error}</p>}
      <form className="custom-study-row" action="/review" method="get">
        {deck && <input type="hidden" name="deck" value={deck} />}
        <label htmlFor="ahead-days">Review the cards due in the next</label>
        <input id="ahead-days" name="ahead" type="number" min={1} max={MAX_AHEAD_DAYS} defaultValue={3} className="narrow" />
        <span>days</span>
        <button className="button" type="submit">Review ahead</button>
      </form>
      <form className="custom-study-row" onSubmit={moreNewCards}>
        <label htmlFor="extra-new">Add</label>
        <input id="extra-new" name="count" type="number" min={1} max={1000} defaultValue={10} className="narrow" />
        <span>new cards to today</span>
        <button className="button" type="submit" disabled={busy}>Study new cards</button>
      </form>
      {topics.length > 0 && (
        <form className="custom-study-row" action="/review" method="get">
          <label htmlFor="again-topic">Study a topic again</label>
          <select id="again-topic" name="topic" required>
            {decks.map((title) => (
              <optgroup key={title} label={title}>
                {topics.filter((topic) => topic.deckTitle === title).map((topic) => (
                  <option key={topic.id} value={topic.id}>{topic.title}</option>
                ))}
              </optgroup>
            ))}
          </select>
          <label className="check">
            <input type="checkbox" name="reschedule" value="1" /> Count it in my review schedule
          </label>
          <button className="button" type="submit">Study topic</button>
          <span className="hint">Left unticked, it is practice: your schedule stays as it is, as in a quiz.</span>
        </form>
      )}
    </section>
  );
}
