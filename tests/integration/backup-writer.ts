// A separate process answering cards until it is stopped, as the running app would while a
// backup is taken. Usage: tsx backup-writer.ts <DATABASE_URL> <startMs> <userId>... ; prints one line per answer.
import { randomUUID } from "node:crypto";
import { resolveDatabase } from "../../lib/config/database-url";
import { createDb } from "../../lib/db/runtime/client";
import { gradeReview } from "../../lib/db/review/grade";

const [url, startMs, ...userIds] = process.argv.slice(2);
const db = createDb(resolveDatabase(url));
const cards = (await db.card.findMany({ select: { id: true }, orderBy: { position: "asc" }, take: 20 })).map((card) => card.id);
let n = 0;
for (const userId of userIds) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  for (const cardId of cards) {
    await gradeReview(db, user, { cardId, rating: 1, clientRequestId: randomUUID(), durationMs: 800 }, new Date(Number(startMs) + n * 1000));
    console.log(`answered ${++n}`);
  }
}
await db.$disconnect();
