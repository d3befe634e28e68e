-- DropIndex
DROP INDEX "ReviewLog_userId_reviewedAt_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_reviewedAt_covering_idx" ON "ReviewLog"("userId", "reviewedAt", "id", "cardId", "rating", "prevState", "durationMs", "mode", "due", "prevDue");

