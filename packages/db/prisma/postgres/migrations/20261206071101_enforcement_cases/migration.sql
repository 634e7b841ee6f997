-- CreateTable
CREATE TABLE "EnforcementCase" (
    "id" TEXT NOT NULL,
    "number" TEXT,
    "institutionCode" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "discoveredOn" TEXT NOT NULL,
    "nextDueOn" TEXT,
    "nextDueStep" TEXT,
    "openedById" TEXT,
    "openedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EnforcementCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEntry" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "recordedOn" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "documentNumber" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseLead" (
    "suspicionId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,

    CONSTRAINT "CaseLead_pkey" PRIMARY KEY ("suspicionId")
);

-- CreateTable
CREATE TABLE "DocumentSequence" (
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "DocumentSequence_pkey" PRIMARY KEY ("kind","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "EnforcementCase_number_key" ON "EnforcementCase"("number");

-- CreateIndex
CREATE INDEX "EnforcementCase_institutionCode_idx" ON "EnforcementCase"("institutionCode");

-- CreateIndex
CREATE INDEX "EnforcementCase_status_idx" ON "EnforcementCase"("status");

-- CreateIndex
CREATE INDEX "EnforcementCase_nextDueOn_idx" ON "EnforcementCase"("nextDueOn");

-- CreateIndex
CREATE UNIQUE INDEX "CaseEntry_caseId_revision_key" ON "CaseEntry"("caseId", "revision");

-- CreateIndex
CREATE INDEX "CaseLead_caseId_idx" ON "CaseLead"("caseId");

-- AddForeignKey
ALTER TABLE "CaseEntry" ADD CONSTRAINT "CaseEntry_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseLead" ADD CONSTRAINT "CaseLead_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EnforcementCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

