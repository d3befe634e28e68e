import type { BrowserDeck } from "@/lib/db/cards/browse-cards";
import { LEECH_LAPSES, type CardQuery } from "@/lib/validation/cards";

const STATES = [["new", "New"], ["learning", "Learning"], ["review", "Review"], ["relearning", "Relearning"]] as const;
const SORTS = [["created", "Newest first"], ["due", "Due soonest"], ["lapses", "Most lapses"], ["difficulty", "Hardest first"]] as const;

/** The browser's search and filters: a plain GET form, so every result page has its own address. */
export function CardFilters({ query, decks }: { query: CardQuery; decks: BrowserDeck[] }) {
  const shownDecks = query.document ? decks.filter((deck) => deck.id === query.document) : decks;
  return (
    <form className="card card-filters" action="/cards" method="get" role="search" aria-label="Search cards">
      <div className="field search-field">
        <label htmlFor="card-search">Search</label>
        <input id="card-search" name="q" type="search" defaultValue={query.q ?? ""} placeholder="Words in the prompt, answer or source" maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="card-document">Deck</label>
        <select id="card-document" name="document" defaultValue={query.document ?? ""}>
          <option value="">All decks</option>
          {decks.map((deck) => (
            <option key={deck.id} value={deck.id}>{deck.title}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="card-topic">Topic</label>
        <select id="card-topic" name="topic" defaultValue={query.topic ?? ""}>
          <option value="">All topics</option>
          {shownDecks.map((deck) => (
            <optgroup key={deck.id} label={deck.title}>
              {deck.topics.map((topic) => (
                <option key={topic.id} value={topic.id}>{topic.path}. {topic.title}</option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="card-state">State</label>
        <select id="card-state" name="state" defaultValue={query.state ?? ""}>
          <option value="">Any state</option>
          {STATES.map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="card-kind">Kind</label>
        <select id="card-kind" name="kind" defaultValue={query.kind ?? ""}>
          <option value="">All kinds</option>
          <option value="cloze">Cloze</option>
          <option value="choice">Choice</option>
          <option value="basic">Basic question</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="card-suspended">Suspended</label>
        <select id="card-suspended" name="suspended" defaultValue={query.suspended ?? ""}>
          <option value="">Included</option>
          <option value="yes">Only suspended</option>
          <option value="no">Left out</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="card-lapses">Lapses at least</label>
        <input id="card-lapses" name="lapses" type="number" min={1} max={10000} defaultValue={query.lapses ?? ""} placeholder={`${LEECH_LAPSES}: leeches`} className="narrow" />
      </div>
      <div className="field">
        <label htmlFor="card-sort">Sort</label>
        <select id="card-sort" name="sort" defaultValue={query.sort}>
          {SORTS.map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </div>
      <label className="check">
        <input type="checkbox" name="due" value="today" defaultChecked={query.due === "today"} /> Due today
      </label>
      <div className="row filter-actions">
        <button className="button primary" type="submit">Search</button>
        <a className="button quiet" href={query.document ? `/cards?document=${query.document}` : "/cards"}>Clear</a>
      </div>
    </form>
  );
}
