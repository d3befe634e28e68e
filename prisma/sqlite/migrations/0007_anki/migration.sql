-- CreateTable
CREATE TABLE "AnkiImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT '',
    "progress" REAL NOT NULL DEFAULT 0,
    "lease" INTEGER NOT NULL DEFAULT 0,
    "heartbeatAt" DATETIME NOT NULL,
    "stagingUserId" TEXT,
    "result" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "AnkiImport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AnkiImport_userId_createdAt_idx" ON "AnkiImport"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "AnkiImport_status_heartbeatAt_idx" ON "AnkiImport"("status", "heartbeatAt");
