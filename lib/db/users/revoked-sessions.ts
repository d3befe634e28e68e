import type { User } from "../generated/sqlite/client";
import { sqlOf, type Db } from "../runtime/client";
import { firstRow, readDate, readOne, sql } from "../runtime/sql";

/**
 * A session's user and whether the session was signed out (RevokedSession), in one
 * primary-key read on the raw driver: it runs on every request (runtime/sql.ts).
 */
export function sessionUser(db: Db, userId: string, sessionId: string | null): Promise<{ user: User; revoked: boolean } | null> {
  return readOne(
    sqlOf(db),
    firstRow(
      sql`SELECT u.*, EXISTS (SELECT 1 FROM "RevokedSession" r WHERE r."id" = ${sessionId}) AS "revoked" FROM "User" u WHERE u."id" = ${userId}`,
      ({ revoked, ...row }) => ({
        revoked: Boolean(Number(revoked)),
        user: {
          ...(row as unknown as User),
          desiredRetention: Number(row.desiredRetention),
          dailyNewLimit: Number(row.dailyNewLimit),
          dailyReviewLimit: Number(row.dailyReviewLimit),
          sessionVersion: Number(row.sessionVersion),
          autoOptimise: Boolean(Number(row.autoOptimise)),
          createdAt: readDate(row.createdAt),
        },
      }),
    ),
  );
}

/**
 * Ends one signed-in session (all of its tokens share `sessionId`) until `until`, when every
 * token of it has expired anyway. Expired entries are swept on the way.
 */
export async function revokeSession(db: Db, session: { sessionId: string; userId: string }, now: Date, until: Date): Promise<void> {
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.revokedSession.upsert({
    where: { id: session.sessionId },
    create: { id: session.sessionId, userId: session.userId, expiresAt: until },
    update: {},
  });
}

/** Ends every session of the user: tokens carry the session version they were made under. */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
