-- Written as ALTER TABLE ADD COLUMN rather than Prisma's table rebuild, so that it keeps the
-- columns other migrations add to User and Card (a rebuild copies only the columns it knows).

-- DropIndex
DROP INDEX "CardState_userId_suspended_state_due_idx";

-- AlterTable
ALTER TABLE "User" ADD COLUMN "extraNewCards" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "User" ADD COLUMN "extraNewUntil" DATETIME;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "deletedAt" DATETIME;

-- AlterTable
ALTER TABLE "Card" ADD COLUMN "manual" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Card" ADD COLUMN "topicMoved" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Card" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "CardState" ADD COLUMN "searchText" TEXT;

-- CreateTable
CREATE TABLE "DeckOptions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "newPerDay" INTEGER,
    "reviewsPerDay" INTEGER,
    "hiddenAt" DATETIME,
    CONSTRAINT "DeckOptions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeckOptions_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DeckOptions_documentId_idx" ON "DeckOptions"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "DeckOptions_userId_documentId_key" ON "DeckOptions"("userId", "documentId");

-- CreateIndex
CREATE INDEX "CardState_userId_suspended_state_due_documentId_idx" ON "CardState"("userId", "suspended", "state", "due", "documentId");

-- CreateIndex
CREATE INDEX "CardState_userId_searchText_idx" ON "CardState"("userId", "searchText");
