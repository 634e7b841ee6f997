-- CreateTable
CREATE TABLE "Transfer" (
    "id" TEXT NOT NULL,
    "number" TEXT,
    "direction" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "institutionCode" TEXT,
    "institutionName" TEXT,
    "subject" TEXT NOT NULL,
    "caseId" TEXT,
    "decisionDate" TEXT,
    "discoveredOn" TEXT,
    "violations" JSONB NOT NULL,
    "listItems" JSONB NOT NULL,
    "facts" TEXT NOT NULL,
    "amount" DOUBLE PRECISION,
    "officers" JSONB NOT NULL,
    "materials" JSONB NOT NULL,
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL,
    "createdOn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TransferEvent" (
    "id" TEXT NOT NULL,
    "transferId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "step" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "on" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "side" TEXT NOT NULL,

    CONSTRAINT "TransferEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentClient" (
    "id" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "DepartmentClient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Transfer_department_idx" ON "Transfer"("department");

-- CreateIndex
CREATE INDEX "Transfer_institutionCode_idx" ON "Transfer"("institutionCode");

-- CreateIndex
CREATE INDEX "Transfer_caseId_idx" ON "Transfer"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "TransferEvent_transferId_sequence_key" ON "TransferEvent"("transferId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentClient_keyId_key" ON "DepartmentClient"("keyId");

-- CreateIndex
CREATE INDEX "DepartmentClient_department_idx" ON "DepartmentClient"("department");

-- AddForeignKey
ALTER TABLE "TransferEvent" ADD CONSTRAINT "TransferEvent_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

