import { RANGE_LABELS, type StatsRange } from "@/lib/stats/range";

/** Deck and range pickers: a plain GET form, so it works before (and without) JavaScript. */
export function StatsFilters({ decks, deck, range }: { decks: { id: string; title: string }[]; deck?: string; range: StatsRange }) {
  return (
    <form className="stats-filters" method="get" action="/stats" data-testid="stats-filters">
      <div className="field">
        <label htmlFor="stats-deck">Deck</label>
        <select id="stats-deck" name="deck" defaultValue={deck ?? ""}>
          <option value="">All decks</option>
          {decks.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="stats-range">Period</label>
        <select id="stats-range" name="range" defaultValue={range}>
          {Object.entries(RANGE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <button className="button" type="submit">
        Show
      </button>
    </form>
  );
}
