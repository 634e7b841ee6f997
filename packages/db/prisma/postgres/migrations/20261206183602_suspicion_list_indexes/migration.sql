-- DropIndex
DROP INDEX "Suspicion_fixmedinsCode_idx";

-- DropIndex
DROP INDEX "Suspicion_status_idx";

-- CreateIndex
CREATE INDEX "Suspicion_amount_id_idx" ON "Suspicion"("amount" DESC, "id");

-- CreateIndex
CREATE INDEX "Suspicion_fixmedinsCode_amount_id_idx" ON "Suspicion"("fixmedinsCode", "amount" DESC, "id");

-- CreateIndex
CREATE INDEX "Suspicion_status_amount_id_idx" ON "Suspicion"("status", "amount" DESC, "id");

-- CreateIndex
CREATE INDEX "Suspicion_ruleCode_amount_id_idx" ON "Suspicion"("ruleCode", "amount" DESC, "id");

-- CreateIndex
CREATE INDEX "Suspicion_firstRunId_idx" ON "Suspicion"("firstRunId");

-- CreateIndex
CREATE INDEX "Suspicion_updatedAt_idx" ON "Suspicion"("updatedAt");

