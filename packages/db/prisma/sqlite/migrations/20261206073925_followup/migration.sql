-- CreateTable
CREATE TABLE "AgreementMeasure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "institutionCode" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "amount" REAL,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RectificationOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SelfCheckCampaign" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "orgKinds" JSONB NOT NULL,
    "dataFrom" TEXT NOT NULL,
    "dataTo" TEXT NOT NULL,
    "reportDue" TEXT NOT NULL,
    "refundDue" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("campaignCode", "institutionCode"),
    CONSTRAINT "SelfCheckReport_campaignCode_fkey" FOREIGN KEY ("campaignCode") REFERENCES "SelfCheckCampaign" ("code") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "AgreementMeasure_institutionCode_idx" ON "AgreementMeasure"("institutionCode");

-- CreateIndex
CREATE INDEX "AgreementMeasure_status_idx" ON "AgreementMeasure"("status");

-- CreateIndex
CREATE INDEX "RectificationOrder_institutionCode_idx" ON "RectificationOrder"("institutionCode");

-- CreateIndex
CREATE INDEX "RectificationOrder_dueOn_idx" ON "RectificationOrder"("dueOn");

