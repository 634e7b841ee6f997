-- CreateTable
CREATE TABLE "AgreementMeasure" (
    "id" TEXT NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "amount" DOUBLE PRECISION,
    "requestedBy" TEXT,
    "month" TEXT,
    "caseId" TEXT,
    "basis" TEXT NOT NULL,
    "proposedById" TEXT,
    "proposedByName" TEXT NOT NULL,
    "proposedOn" TEXT NOT NULL,
    "statement" TEXT,
    "statementOn" TEXT,
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decidedOn" TEXT,
    "decision" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AgreementMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationOrder" (
    "id" TEXT NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "sourceId" TEXT,
    "violations" JSONB NOT NULL,
    "problems" TEXT NOT NULL,
    "issuedOn" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "reportedOn" TEXT,
    "report" TEXT,
    "recheckedOn" TEXT,
    "recheckPassed" BOOLEAN,
    "recheckNote" TEXT,
    "issuedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RectificationOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfCheckCampaign" (
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "orgKinds" JSONB NOT NULL,
    "dataFrom" TEXT NOT NULL,
    "dataTo" TEXT NOT NULL,
    "reportDue" TEXT NOT NULL,
    "refundDue" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SelfCheckCampaign_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "SelfCheckReport" (
    "campaignCode" TEXT NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "submittedOn" TEXT,
    "commitmentSigned" BOOLEAN NOT NULL,
    "problems" JSONB NOT NULL,
    "refunds" JSONB NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SelfCheckReport_pkey" PRIMARY KEY ("campaignCode","institutionCode")
);

-- CreateIndex
CREATE INDEX "AgreementMeasure_institutionCode_idx" ON "AgreementMeasure"("institutionCode");

-- CreateIndex
CREATE INDEX "AgreementMeasure_status_idx" ON "AgreementMeasure"("status");

-- CreateIndex
CREATE INDEX "RectificationOrder_institutionCode_idx" ON "RectificationOrder"("institutionCode");

-- CreateIndex
CREATE INDEX "RectificationOrder_dueOn_idx" ON "RectificationOrder"("dueOn");

-- AddForeignKey
ALTER TABLE "SelfCheckReport" ADD CONSTRAINT "SelfCheckReport_campaignCode_fkey" FOREIGN KEY ("campaignCode") REFERENCES "SelfCheckCampaign"("code") ON DELETE CASCADE ON UPDATE CASCADE;

