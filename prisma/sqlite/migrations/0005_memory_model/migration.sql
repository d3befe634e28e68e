-- CreateTable
CREATE TABLE "ParameterSet" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reviewCount" INTEGER,
    "logLoss" REAL,
    "rmseBins" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ParameterSet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MemoryModelJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "activeKey" TEXT,
    "trigger" TEXT NOT NULL DEFAULT 'MANUAL',
    "phase" TEXT NOT NULL DEFAULT '',
    "progress" REAL NOT NULL DEFAULT 0,
    "lease" INTEGER NOT NULL DEFAULT 0,
    "heartbeatAt" DATETIME NOT NULL,
    "reschedule" BOOLEAN NOT NULL DEFAULT false,
    "params" TEXT,
    "cursor" TEXT,
    "result" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "MemoryModelJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "learningSteps" TEXT NOT NULL DEFAULT '1m 10m',
    "relearningSteps" TEXT NOT NULL DEFAULT '10m',
    "autoOptimise" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_User" ("createdAt", "dailyNewLimit", "dailyReviewLimit", "desiredRetention", "email", "fsrsParams", "id", "name", "passwordHash", "sessionVersion", "timeZone") SELECT "createdAt", "dailyNewLimit", "dailyReviewLimit", "desiredRetention", "email", "fsrsParams", "id", "name", "passwordHash", "sessionVersion", "timeZone" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ParameterSet_userId_createdAt_idx" ON "ParameterSet"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MemoryModelJob_activeKey_key" ON "MemoryModelJob"("activeKey");

-- CreateIndex
CREATE INDEX "MemoryModelJob_userId_createdAt_idx" ON "MemoryModelJob"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "MemoryModelJob_status_heartbeatAt_idx" ON "MemoryModelJob"("status", "heartbeatAt");
