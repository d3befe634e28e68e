-- CreateTable
CREATE TABLE "AnkiImport" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT '',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "lease" INTEGER NOT NULL DEFAULT 0,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,
    "stagingUserId" TEXT,
    "result" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "AnkiImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnkiImport_userId_createdAt_idx" ON "AnkiImport"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "AnkiImport_status_heartbeatAt_idx" ON "AnkiImport"("status", "heartbeatAt");

-- AddForeignKey
ALTER TABLE "AnkiImport" ADD CONSTRAINT "AnkiImport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
