/**
 * Fills Card.searchText for cards stored before the card browser had it (the migration that
 * added the column could not fold accents as the app does). Runs at start; a no-op once done.
 */
import { searchTextOfCard } from "../../cards/search-text";
import { sqlOf, type Db } from "../runtime/client";
import { changes, exec, rows, sql } from "../runtime/sql";

const BATCH = 2_000;

export async function fillCardSearchText(db: Db): Promise<number> {
  let filled = 0;
  for (let after = ""; ; ) {
    const batch = await sqlOf(db).read(() =>
      exec(
        rows(
          sql`SELECT "id", "prompt", "answer", "options", "source" FROM "Card" WHERE "searchText" = '' AND "id" > ${after} ORDER BY "id" LIMIT ${BATCH}`,
          (row) => ({ id: row.id as string, text: searchTextOfCard({ ...(row as { prompt: string; answer: string; source: string }), options: row.options ? (JSON.parse(row.options as string) as string[]) : null }) }),
        ),
      ),
    );
    if (batch.length === 0) return filled;
    await sqlOf(db).transaction(function* () {
      for (const card of batch) if (card.text) filled += yield* exec(changes(sql`UPDATE "Card" SET "searchText" = ${card.text} WHERE "id" = ${card.id}`));
    });
    after = batch[batch.length - 1].id;
  }
}
