-- AlterTable
ALTER TABLE "User" ADD COLUMN     "autoOptimise" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "learningSteps" TEXT NOT NULL DEFAULT '1m 10m',
ADD COLUMN     "relearningSteps" TEXT NOT NULL DEFAULT '10m';

-- CreateTable
CREATE TABLE "ParameterSet" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reviewCount" INTEGER,
    "logLoss" DOUBLE PRECISION,
    "rmseBins" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ParameterSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MemoryModelJob" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "activeKey" TEXT,
    "trigger" TEXT NOT NULL DEFAULT 'MANUAL',
    "phase" TEXT NOT NULL DEFAULT '',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "lease" INTEGER NOT NULL DEFAULT 0,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,
    "reschedule" BOOLEAN NOT NULL DEFAULT false,
    "params" TEXT,
    "cursor" TEXT,
    "result" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "MemoryModelJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ParameterSet_userId_createdAt_idx" ON "ParameterSet"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MemoryModelJob_activeKey_key" ON "MemoryModelJob"("activeKey");

-- CreateIndex
CREATE INDEX "MemoryModelJob_userId_createdAt_idx" ON "MemoryModelJob"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "MemoryModelJob_status_heartbeatAt_idx" ON "MemoryModelJob"("status", "heartbeatAt");

-- AddForeignKey
ALTER TABLE "ParameterSet" ADD CONSTRAINT "ParameterSet_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemoryModelJob" ADD CONSTRAINT "MemoryModelJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
