/**
 * Figure 9 on the synthetic user with 100,000 cards: the card browser's page of results
 * (browseCards: the matching ids in order with their count, then the 50 cards in full),
 * searching, filtering and sorting over all of them.
 */
import type { DatabaseKind } from "../../lib/config/database-url";
import { browseCards } from "../../lib/db/cards/browse-cards";
import type { Db } from "../../lib/db/runtime/client";
import type { StudyUser } from "../../lib/scheduler";
import { CardQuerySchema, type CardQuery } from "../../lib/validation/cards";
import { log, median, percentile, timeRuns } from "../measure";
import { row, type Row } from "../report";
import type { HistorySizes } from "./history-user";

const QUERIES: { figure: string; query: Partial<CardQuery>; target?: string }[] = [
  { figure: "9 card browser: search, one word in 1 of 40 cards", query: { q: "ventricle" }, target: "≤ 100 ms" },
  { figure: "9 card browser: search, two words, 100 cards match", query: { q: "measurement 533" }, target: "≤ 100 ms" },
  { figure: "9 card browser: search with no match", query: { q: "zebrafish" }, target: "≤ 100 ms" },
  { figure: "9 card browser: first page, no search", query: {} },
  { figure: "9 card browser: review cards by due date", query: { state: "review", sort: "due" } },
  { figure: "9 card browser: leeches, most lapses first", query: { lapses: 8, sort: "lapses" } },
];

export async function cardBrowserFigures(db: Db, kind: DatabaseKind, userId: string, now: Date, sizes: HistorySizes): Promise<Row[]> {
  const user = (await db.user.findUniqueOrThrow({ where: { id: userId } })) as StudyUser;
  const size = `${sizes.cards.toLocaleString("en-US")} cards`;
  const rows: Row[] = [];
  for (const { figure, query, target } of QUERIES) {
    const parsed = CardQuerySchema.parse(query);
    const times = await timeRuns(sizes.runs, () => browseCards(db, user, parsed, now), 2);
    const page = await browseCards(db, user, parsed, now);
    log(`${figure}: ${page.total} match, ${page.cards.length} on the page`);
    rows.push(row({ figure, db: kind, size: `${size}, ${page.total.toLocaleString("en-US")} match`, unit: "ms", median: median(times), p99: percentile(times, 99),
      ...(target ? { target, met: median(times) <= 100 } : {}) }));
  }
  return rows;
}
