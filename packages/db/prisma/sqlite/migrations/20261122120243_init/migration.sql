-- CreateTable
CREATE TABLE "Institution" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "orgKind" TEXT NOT NULL,
    "hospitalLevel" TEXT,
    "admdvs" TEXT NOT NULL,
    "approvedBeds" INTEGER,
    "supervisorCode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "department" TEXT,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "details" JSONB NOT NULL,
    "ip" TEXT
);

-- CreateTable
CREATE TABLE "ScreeningRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "extract" TEXT NOT NULL,
    "admdvs" TEXT,
    "periodFrom" TEXT,
    "periodTo" TEXT,
    "params" JSONB NOT NULL,
    "ruleStats" JSONB NOT NULL,
    "suspicionCount" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT
);

-- CreateTable
CREATE TABLE "Suspicion" (
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
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Institution_orgKind_idx" ON "Institution"("orgKind");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "ScreeningRun_startedAt_idx" ON "ScreeningRun"("startedAt");

-- CreateIndex
CREATE INDEX "Suspicion_fixmedinsCode_idx" ON "Suspicion"("fixmedinsCode");

-- CreateIndex
CREATE INDEX "Suspicion_status_idx" ON "Suspicion"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Suspicion_ruleCode_dedupKey_key" ON "Suspicion"("ruleCode", "dedupKey");
