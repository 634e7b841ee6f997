-- CreateTable
CREATE TABLE "Area" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OrgUnit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parentId" TEXT,
    "areaCode" TEXT,
    "institutionCode" TEXT,
    "head" TEXT,
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "UnitJurisdiction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "orgKinds" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AreaAssignment" (
    "areaCode" TEXT NOT NULL PRIMARY KEY,
    "sectionId" TEXT NOT NULL,
    "leaderName" TEXT NOT NULL,
    "leaderTitle" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "InstitutionPlacement" (
    "institutionCode" TEXT NOT NULL PRIMARY KEY,
    "areaCode" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DutyVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "effectiveTo" TEXT,
    "definition" JSONB NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RankingSchemeVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "effectiveTo" TEXT,
    "definition" JSONB NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DutyTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dutyCode" TEXT NOT NULL,
    "dutyVersion" INTEGER NOT NULL,
    "unitId" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectCode" TEXT NOT NULL,
    "objectName" TEXT,
    "periodKey" TEXT NOT NULL,
    "periodStart" TEXT NOT NULL,
    "periodEnd" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "deadlineProvisional" BOOLEAN NOT NULL DEFAULT false,
    "deadlineNote" TEXT,
    "requiredCount" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "completedCount" INTEGER NOT NULL DEFAULT 0,
    "completedOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TaskCompletion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "taskId" TEXT NOT NULL,
    "completedOn" TEXT NOT NULL,
    "record" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TaskCompletion_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "DutyTask" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "completionId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EvidenceFile_completionId_fkey" FOREIGN KEY ("completionId") REFERENCES "TaskCompletion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OrgUnit_kind_idx" ON "OrgUnit"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "UnitJurisdiction_unitId_areaCode_key" ON "UnitJurisdiction"("unitId", "areaCode");

-- CreateIndex
CREATE INDEX "InstitutionPlacement_areaCode_idx" ON "InstitutionPlacement"("areaCode");

-- CreateIndex
CREATE UNIQUE INDEX "DutyVersion_code_version_key" ON "DutyVersion"("code", "version");

-- CreateIndex
CREATE UNIQUE INDEX "RankingSchemeVersion_code_version_key" ON "RankingSchemeVersion"("code", "version");

-- CreateIndex
CREATE INDEX "DutyTask_unitId_deadline_idx" ON "DutyTask"("unitId", "deadline");

-- CreateIndex
CREATE INDEX "DutyTask_deadline_idx" ON "DutyTask"("deadline");

-- CreateIndex
CREATE UNIQUE INDEX "DutyTask_dutyCode_unitId_objectCode_periodKey_key" ON "DutyTask"("dutyCode", "unitId", "objectCode", "periodKey");

-- CreateIndex
CREATE INDEX "TaskCompletion_taskId_idx" ON "TaskCompletion"("taskId");

-- CreateIndex
CREATE INDEX "EvidenceFile_completionId_idx" ON "EvidenceFile"("completionId");

-- CreateIndex
CREATE INDEX "EvidenceFile_sha256_idx" ON "EvidenceFile"("sha256");

