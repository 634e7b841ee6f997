-- AlterTable
ALTER TABLE "ScreeningRun" ADD COLUMN "progress" JSONB;

-- CreateTable
CREATE TABLE "ReviewEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "suspicionId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "level" TEXT,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL,
    "assigneeId" TEXT,
    "assigneeName" TEXT,
    "dueDate" TEXT,
    "deadlineSource" TEXT,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewEvent_suspicionId_fkey" FOREIGN KEY ("suspicionId") REFERENCES "Suspicion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InstitutionResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "suspicionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "receivedOn" TEXT NOT NULL,
    "documents" JSONB NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" TEXT,
    "recordedByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InstitutionResponse_suspicionId_fkey" FOREIGN KEY ("suspicionId") REFERENCES "Suspicion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewOutcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "suspicionId" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "disposition" TEXT,
    "deductionAmount" REAL,
    "caseNumber" TEXT,
    "reason" TEXT NOT NULL,
    "proposedById" TEXT,
    "proposedByName" TEXT NOT NULL,
    "approvedById" TEXT,
    "approvedByName" TEXT NOT NULL,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewOutcome_suspicionId_fkey" FOREIGN KEY ("suspicionId") REFERENCES "Suspicion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Suspicion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "firstRunId" TEXT NOT NULL,
    "lastRunId" TEXT NOT NULL,
    "ruleCode" TEXT NOT NULL,
    "ruleVersion" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "fixmedinsCode" TEXT NOT NULL,
    "psnNo" TEXT,
    "mdtrtId" TEXT,
    "setlId" TEXT,
    "feedetlSn" JSONB NOT NULL,
    "medListCodg" TEXT,
    "date" TEXT,
    "amount" REAL NOT NULL,
    "violation" TEXT,
    "evidence" JSONB NOT NULL,
    "message" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "assigneeId" TEXT,
    "assigneeName" TEXT,
    "dueDate" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Suspicion" ("amount", "createdAt", "date", "dedupKey", "evidence", "feedetlSn", "firstRunId", "fixmedinsCode", "id", "lastRunId", "level", "mdtrtId", "medListCodg", "message", "psnNo", "ruleCode", "ruleVersion", "setlId", "status", "updatedAt", "violation") SELECT "amount", "createdAt", "date", "dedupKey", "evidence", "feedetlSn", "firstRunId", "fixmedinsCode", "id", "lastRunId", "level", "mdtrtId", "medListCodg", "message", "psnNo", "ruleCode", "ruleVersion", "setlId", "status", "updatedAt", "violation" FROM "Suspicion";
DROP TABLE "Suspicion";
ALTER TABLE "new_Suspicion" RENAME TO "Suspicion";
CREATE INDEX "Suspicion_fixmedinsCode_idx" ON "Suspicion"("fixmedinsCode");
CREATE INDEX "Suspicion_status_idx" ON "Suspicion"("status");
CREATE INDEX "Suspicion_dueDate_idx" ON "Suspicion"("dueDate");
CREATE UNIQUE INDEX "Suspicion_ruleCode_dedupKey_key" ON "Suspicion"("ruleCode", "dedupKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReviewEvent_actorId_idx" ON "ReviewEvent"("actorId");

-- CreateIndex
CREATE INDEX "ReviewEvent_at_idx" ON "ReviewEvent"("at");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewEvent_suspicionId_revision_key" ON "ReviewEvent"("suspicionId", "revision");

-- CreateIndex
CREATE INDEX "InstitutionResponse_suspicionId_idx" ON "InstitutionResponse"("suspicionId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewOutcome_suspicionId_key" ON "ReviewOutcome"("suspicionId");

