-- CreateTable
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "receivedOn" TEXT NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "institutionCode" TEXT,
    "personName" TEXT,
    "subjectDescription" TEXT,
    "content" TEXT NOT NULL,
    "amountInvolved" REAL,
    "anonymous" BOOLEAN NOT NULL,
    "externalRef" TEXT,
    "status" TEXT NOT NULL,
    "triagedOn" TEXT,
    "triageReason" TEXT,
    "forwardTo" TEXT,
    "mergedInto" TEXT,
    "caseId" TEXT,
    "outcome" TEXT,
    "outcomeOn" TEXT,
    "verifiedAmount" REAL,
    "outcomeNote" TEXT,
    "repliedOn" TEXT,
    "replyMethod" TEXT,
    "replyContent" TEXT,
    "recordedById" TEXT,
    "recordedByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ComplaintInformant" (
    "complaintId" TEXT NOT NULL PRIMARY KEY,
    "anonymous" BOOLEAN NOT NULL,
    "name" TEXT,
    "phone" TEXT,
    "idNumber" TEXT,
    "address" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ComplaintRetaliation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "complaintId" TEXT NOT NULL,
    "occurredOn" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ComplaintRetaliation_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComplaintReward" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "complaintId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "amount" REAL NOT NULL,
    "caseValue" REAL NOT NULL,
    "insider" BOOLEAN NOT NULL,
    "basis" TEXT NOT NULL,
    "proposedById" TEXT,
    "proposedByName" TEXT NOT NULL,
    "proposedOn" TEXT NOT NULL,
    "reviewedById" TEXT,
    "reviewedByName" TEXT,
    "reviewedOn" TEXT,
    "reviewNote" TEXT,
    "approvedById" TEXT,
    "approvedByName" TEXT,
    "approvedOn" TEXT,
    "approvalNote" TEXT,
    "rejectedByName" TEXT,
    "rejectedOn" TEXT,
    "rejectReason" TEXT,
    "paidOn" TEXT,
    "paidAmount" REAL,
    "paymentMethod" TEXT,
    "paymentReference" TEXT,
    "paidByName" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ComplaintReward_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ComplaintSequence" (
    "year" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "last" INTEGER NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_number_key" ON "Complaint"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_caseId_key" ON "Complaint"("caseId");

-- CreateIndex
CREATE INDEX "Complaint_institutionCode_idx" ON "Complaint"("institutionCode");

-- CreateIndex
CREATE INDEX "Complaint_status_idx" ON "Complaint"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_channel_externalRef_key" ON "Complaint"("channel", "externalRef");

-- CreateIndex
CREATE INDEX "ComplaintRetaliation_complaintId_idx" ON "ComplaintRetaliation"("complaintId");

-- CreateIndex
CREATE INDEX "ComplaintReward_complaintId_idx" ON "ComplaintReward"("complaintId");

-- CreateIndex
CREATE INDEX "ComplaintReward_status_idx" ON "ComplaintReward"("status");

