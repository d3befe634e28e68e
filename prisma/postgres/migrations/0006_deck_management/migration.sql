-- DropIndex
DROP INDEX "CardState_userId_suspended_state_due_idx";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "extraNewCards" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "extraNewUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "manual" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "topicMoved" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "CardState" ADD COLUMN     "searchText" TEXT;

-- CreateTable
CREATE TABLE "DeckOptions" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "newPerDay" INTEGER,
    "reviewsPerDay" INTEGER,
    "hiddenAt" TIMESTAMP(3),

    CONSTRAINT "DeckOptions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeckOptions_documentId_idx" ON "DeckOptions"("documentId");

-- CreateIndex
CREATE UNIQUE INDEX "DeckOptions_userId_documentId_key" ON "DeckOptions"("userId", "documentId");

-- CreateIndex
CREATE INDEX "CardState_userId_suspended_state_due_documentId_idx" ON "CardState"("userId", "suspended", "state", "due", "documentId");

-- CreateIndex
CREATE INDEX "CardState_userId_searchText_idx" ON "CardState"("userId", "searchText");

-- AddForeignKey
ALTER TABLE "DeckOptions" ADD CONSTRAINT "DeckOptions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeckOptions" ADD CONSTRAINT "DeckOptions_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;
