-- CreateTable
CREATE TABLE "InstitutionClient" (
    "id" TEXT NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "InstitutionClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrecheckWarning" (
    "id" TEXT NOT NULL,
    "infno" TEXT NOT NULL,
    "ruleCode" TEXT NOT NULL,
    "ruleVersion" INTEGER NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "psnNo" TEXT NOT NULL,
    "mdtrtId" TEXT NOT NULL,
    "doctorCode" TEXT,
    "day" TEXT NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "message" TEXT NOT NULL,
    "answer" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispoWay" TEXT,
    "dispoReason" TEXT,
    "dispoAt" TIMESTAMP(3),

    CONSTRAINT "PrecheckWarning_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrecheckLine" (
    "id" TEXT NOT NULL,
    "psnNo" TEXT NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "mdtrtId" TEXT NOT NULL,
    "feedetlSn" TEXT NOT NULL,
    "line" JSONB NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrecheckLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InstitutionClient_keyId_key" ON "InstitutionClient"("keyId");

-- CreateIndex
CREATE INDEX "InstitutionClient_institutionCode_idx" ON "InstitutionClient"("institutionCode");

-- CreateIndex
CREATE INDEX "PrecheckWarning_institutionCode_createdAt_idx" ON "PrecheckWarning"("institutionCode", "createdAt");

-- CreateIndex
CREATE INDEX "PrecheckWarning_mdtrtId_idx" ON "PrecheckWarning"("mdtrtId");

-- CreateIndex
CREATE INDEX "PrecheckWarning_psnNo_day_idx" ON "PrecheckWarning"("psnNo", "day");

-- CreateIndex
CREATE INDEX "PrecheckLine_psnNo_institutionCode_day_idx" ON "PrecheckLine"("psnNo", "institutionCode", "day");

-- CreateIndex
CREATE INDEX "PrecheckLine_mdtrtId_idx" ON "PrecheckLine"("mdtrtId");

