-- CreateTable
CREATE TABLE "ClaimSample" (
    "id" TEXT NOT NULL,
    "institutionCode" TEXT NOT NULL,
    "extractPath" TEXT NOT NULL,
    "runId" TEXT,
    "periodFrom" TEXT,
    "periodTo" TEXT,
    "seed" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "frameSize" INTEGER NOT NULL,
    "frameAmount" DOUBLE PRECISION NOT NULL,
    "size" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "status" TEXT NOT NULL,
    "drawnOn" TEXT NOT NULL,
    "drawnById" TEXT,
    "drawnByName" TEXT NOT NULL,
    "conclusion" JSONB,
    "concludedOn" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClaimSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SampledClaim" (
    "sampleId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "setlId" TEXT NOT NULL,
    "mdtrtId" TEXT NOT NULL,
    "psnNo" TEXT NOT NULL,
    "settledAt" TEXT NOT NULL,
    "medType" TEXT NOT NULL,
    "paid" DOUBLE PRECISION NOT NULL,
    "overpaid" DOUBLE PRECISION,
    "reason" TEXT,
    "reviewerId" TEXT,
    "reviewerName" TEXT,
    "reviewedOn" TEXT,

    CONSTRAINT "SampledClaim_pkey" PRIMARY KEY ("sampleId","setlId")
);

-- CreateIndex
CREATE INDEX "ClaimSample_institutionCode_idx" ON "ClaimSample"("institutionCode");

-- CreateIndex
CREATE INDEX "ClaimSample_status_idx" ON "ClaimSample"("status");

-- CreateIndex
CREATE UNIQUE INDEX "SampledClaim_sampleId_position_key" ON "SampledClaim"("sampleId", "position");

-- AddForeignKey
ALTER TABLE "SampledClaim" ADD CONSTRAINT "SampledClaim_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "ClaimSample"("id") ON DELETE CASCADE ON UPDATE CASCADE;

