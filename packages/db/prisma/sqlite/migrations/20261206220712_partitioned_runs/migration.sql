-- CreateTable
CREATE TABLE "RunPartition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "worker" TEXT,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "durationMs" INTEGER,
    "suspicions" INTEGER,
    "ruleStats" JSONB
);

-- CreateTable
CREATE TABLE "PartitionSuspicion" (
    "runId" TEXT NOT NULL,
    "ruleCode" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "partition" TEXT NOT NULL,
    "suspicion" JSONB NOT NULL,

    PRIMARY KEY ("runId", "ruleCode", "dedupKey")
);

-- CreateIndex
CREATE INDEX "RunPartition_runId_status_idx" ON "RunPartition"("runId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RunPartition_runId_job_index_key" ON "RunPartition"("runId", "job", "index");

