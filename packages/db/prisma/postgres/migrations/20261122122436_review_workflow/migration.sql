-- AlterTable
ALTER TABLE "ScreeningRun" ADD COLUMN     "progress" JSONB;

-- AlterTable
ALTER TABLE "Suspicion" ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "assigneeName" TEXT,
ADD COLUMN     "dueDate" TEXT,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ReviewEvent" (
    "id" TEXT NOT NULL,
    "suspicionId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT NOT NULL,
    "toStatus" TEXT NOT NULL,
    "level" TEXT,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB NOT NULL,
    "assigneeId" TEXT,
    "assigneeName" TEXT,
    "dueDate" TEXT,
    "deadlineSource" TEXT,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstitutionResponse" (
    "id" TEXT NOT NULL,
    "suspicionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "receivedOn" TEXT NOT NULL,
    "documents" JSONB NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "recordedById" TEXT,
    "recordedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstitutionResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewOutcome" (
    "id" TEXT NOT NULL,
    "suspicionId" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "disposition" TEXT,
    "deductionAmount" DOUBLE PRECISION,
    "caseNumber" TEXT,
    "reason" TEXT NOT NULL,
    "proposedById" TEXT,
    "proposedByName" TEXT NOT NULL,
    "approvedById" TEXT,
    "approvedByName" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReviewEvent_actorId_idx" ON "ReviewEvent"("actorId");

-- CreateIndex
CREATE INDEX "ReviewEvent_at_idx" ON "ReviewEvent"("at");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewEvent_suspicionId_revision_key" ON "ReviewEvent"("suspicionId", "revision");

-- CreateIndex
CREATE INDEX "InstitutionResponse_suspicionId_idx" ON "InstitutionResponse"("suspicionId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewOutcome_suspicionId_key" ON "ReviewOutcome"("suspicionId");

-- CreateIndex
CREATE INDEX "Suspicion_dueDate_idx" ON "Suspicion"("dueDate");

-- AddForeignKey
ALTER TABLE "ReviewEvent" ADD CONSTRAINT "ReviewEvent_suspicionId_fkey" FOREIGN KEY ("suspicionId") REFERENCES "Suspicion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionResponse" ADD CONSTRAINT "InstitutionResponse_suspicionId_fkey" FOREIGN KEY ("suspicionId") REFERENCES "Suspicion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewOutcome" ADD CONSTRAINT "ReviewOutcome_suspicionId_fkey" FOREIGN KEY ("suspicionId") REFERENCES "Suspicion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

