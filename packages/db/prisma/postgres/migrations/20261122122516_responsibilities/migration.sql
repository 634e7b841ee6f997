-- CreateTable
CREATE TABLE "Area" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "OrgUnit" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parentId" TEXT,
    "areaCode" TEXT,
    "institutionCode" TEXT,
    "head" TEXT,
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitJurisdiction" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "orgKinds" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitJurisdiction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AreaAssignment" (
    "areaCode" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "leaderName" TEXT NOT NULL,
    "leaderTitle" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AreaAssignment_pkey" PRIMARY KEY ("areaCode")
);

-- CreateTable
CREATE TABLE "InstitutionPlacement" (
    "institutionCode" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InstitutionPlacement_pkey" PRIMARY KEY ("institutionCode")
);

-- CreateTable
CREATE TABLE "DutyVersion" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "effectiveTo" TEXT,
    "definition" JSONB NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DutyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RankingSchemeVersion" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "effectiveTo" TEXT,
    "definition" JSONB NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RankingSchemeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyTask" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DutyTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskCompletion" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "completedOn" TEXT NOT NULL,
    "record" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskCompletion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvidenceFile" (
    "id" TEXT NOT NULL,
    "completionId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvidenceFile_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "TaskCompletion" ADD CONSTRAINT "TaskCompletion_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "DutyTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceFile" ADD CONSTRAINT "EvidenceFile_completionId_fkey" FOREIGN KEY ("completionId") REFERENCES "TaskCompletion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

