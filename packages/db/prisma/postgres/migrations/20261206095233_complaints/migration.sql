-- CreateTable
CREATE TABLE "Complaint" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "receivedOn" TEXT NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "institutionCode" TEXT,
    "personName" TEXT,
    "subjectDescription" TEXT,
    "content" TEXT NOT NULL,
    "amountInvolved" DOUBLE PRECISION,
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
    "verifiedAmount" DOUBLE PRECISION,
    "outcomeNote" TEXT,
    "repliedOn" TEXT,
    "replyMethod" TEXT,
    "replyContent" TEXT,
    "recordedById" TEXT,
    "recordedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintInformant" (
    "complaintId" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "name" TEXT,
    "phone" TEXT,
    "idNumber" TEXT,
    "address" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintInformant_pkey" PRIMARY KEY ("complaintId")
);

-- CreateTable
CREATE TABLE "ComplaintRetaliation" (
    "id" TEXT NOT NULL,
    "complaintId" TEXT NOT NULL,
    "occurredOn" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplaintRetaliation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintReward" (
    "id" TEXT NOT NULL,
    "complaintId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "caseValue" DOUBLE PRECISION NOT NULL,
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
    "paidAmount" DOUBLE PRECISION,
    "paymentMethod" TEXT,
    "paymentReference" TEXT,
    "paidByName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplaintReward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintSequence" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "ComplaintSequence_pkey" PRIMARY KEY ("year")
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

-- AddForeignKey
ALTER TABLE "ComplaintRetaliation" ADD CONSTRAINT "ComplaintRetaliation_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintReward" ADD CONSTRAINT "ComplaintReward_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

