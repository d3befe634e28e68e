-- DropIndex
DROP INDEX "CardState_userId_suspended_state_due_idx";

-- AlterTable
ALTER TABLE "Document" ADD COLUMN "deletedAt" DATETIME;

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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "dailyNewLimit" INTEGER NOT NULL DEFAULT 20,
    "dailyReviewLimit" INTEGER NOT NULL DEFAULT 200,
    "fsrsParams" TEXT,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "extraNewCards" INTEGER NOT NULL DEFAULT 0,
    "extraNewUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_User" ("createdAt", "dailyNewLimit", "dailyReviewLimit", "desiredRetention", "email", "fsrsParams", "id", "name", "passwordHash", "sessionVersion", "timeZone") SELECT "createdAt", "dailyNewLimit", "dailyReviewLimit", "desiredRetention", "email", "fsrsParams", "id", "name", "passwordHash", "sessionVersion", "timeZone" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE TABLE "new_Card" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "documentId" TEXT NOT NULL,
    "topicId" TEXT,
    "fingerprint" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "options" TEXT,
    "source" TEXT NOT NULL,
    "quality" REAL NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "topicMoved" BOOLEAN NOT NULL DEFAULT false,
    "searchText" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Card_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Card_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Card" ("answer", "createdAt", "documentId", "fingerprint", "id", "kind", "options", "position", "prompt", "quality", "source", "topicId") SELECT "answer", "createdAt", "documentId", "fingerprint", "id", "kind", "options", "position", "prompt", "quality", "source", "topicId" FROM "Card";
DROP TABLE "Card";
ALTER TABLE "new_Card" RENAME TO "Card";
CREATE INDEX "Card_topicId_idx" ON "Card"("topicId");
CREATE INDEX "Card_documentId_position_idx" ON "Card"("documentId", "position");
CREATE UNIQUE INDEX "Card_documentId_fingerprint_key" ON "Card"("documentId", "fingerprint");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "DeckOptions_documentId_idx" ON "DeckOptions"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "DeckOptions_userId_documentId_key" ON "DeckOptions"("userId", "documentId");

-- CreateIndex
CREATE INDEX "CardState_userId_suspended_state_due_documentId_idx" ON "CardState"("userId", "suspended", "state", "due", "documentId");

-- CreateIndex
CREATE INDEX "CardState_userId_searchText_idx" ON "CardState"("userId", "searchText");
