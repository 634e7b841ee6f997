-- CreateTable
CREATE TABLE "Practitioner" (
    "id" TEXT NOT NULL,
    "nationalCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "registeredByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Practitioner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentPointEvent" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "decidedOn" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "tierMin" INTEGER NOT NULL,
    "tierMax" INTEGER NOT NULL,
    "responsibility" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "suspensionMonths" INTEGER,
    "schemeId" TEXT NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentPointEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualificationTransition" (
    "id" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "until" TEXT NOT NULL,
    "causeEventId" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualificationTransition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointPunishmentNotice" (
    "id" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "subjectName" TEXT NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "caseId" TEXT,
    "reason" TEXT NOT NULL,
    "request" TEXT NOT NULL,
    "issuedOn" TEXT NOT NULL,
    "issuedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JointPunishmentNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CreditPublication" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "persons" JSONB NOT NULL,
    "proposedById" TEXT,
    "proposedByName" TEXT NOT NULL,
    "proposedOn" TEXT NOT NULL,
    "approvedById" TEXT,
    "approvedByName" TEXT,
    "publishedOn" TEXT,
    "publicTitle" TEXT,
    "publicSummary" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditPublication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Practitioner_nationalCode_key" ON "Practitioner"("nationalCode");

-- CreateIndex
CREATE INDEX "Practitioner_institutionCode_idx" ON "Practitioner"("institutionCode");

-- CreateIndex
CREATE INDEX "PaymentPointEvent_practitionerId_idx" ON "PaymentPointEvent"("practitionerId");

-- CreateIndex
CREATE INDEX "PaymentPointEvent_source_sourceId_idx" ON "PaymentPointEvent"("source", "sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "QualificationTransition_practitionerId_kind_on_key" ON "QualificationTransition"("practitionerId", "kind", "on");

-- CreateIndex
CREATE INDEX "JointPunishmentNotice_department_idx" ON "JointPunishmentNotice"("department");

-- CreateIndex
CREATE INDEX "JointPunishmentNotice_institutionCode_idx" ON "JointPunishmentNotice"("institutionCode");

-- CreateIndex
CREATE INDEX "CreditPublication_status_idx" ON "CreditPublication"("status");

-- CreateIndex
CREATE INDEX "CreditPublication_institutionCode_idx" ON "CreditPublication"("institutionCode");

-- AddForeignKey
ALTER TABLE "PaymentPointEvent" ADD CONSTRAINT "PaymentPointEvent_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualificationTransition" ADD CONSTRAINT "QualificationTransition_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

