-- CreateTable
CREATE TABLE "Inspector" (
    "staffCode" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "badge" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "conflicts" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "InspectionPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "reference" TEXT,
    "dutyCode" TEXT,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "InspectionDraw" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "inputs" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "drawnById" TEXT,
    "drawnByName" TEXT NOT NULL,
    "drawnAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" DATETIME,
    "publishedByName" TEXT,
    CONSTRAINT "InspectionDraw_planId_fkey" FOREIGN KEY ("planId") REFERENCES "InspectionPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "drawId" TEXT,
    "institutionCode" TEXT NOT NULL,
    "team" JSONB NOT NULL,
    "plannedOn" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "checklistCode" TEXT NOT NULL,
    "checklistVersion" INTEGER NOT NULL,
    "checklist" JSONB NOT NULL,
    "record" JSONB,
    "finishedOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Inspection_planId_fkey" FOREIGN KEY ("planId") REFERENCES "InspectionPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Inspection_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "InspectionDraw" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InspectionFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "inspectionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InspectionFile_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Inspector_unitId_idx" ON "Inspector"("unitId");

-- CreateIndex
CREATE INDEX "InspectionDraw_planId_idx" ON "InspectionDraw"("planId");

-- CreateIndex
CREATE INDEX "Inspection_institutionCode_idx" ON "Inspection"("institutionCode");

-- CreateIndex
CREATE INDEX "Inspection_status_plannedOn_idx" ON "Inspection"("status", "plannedOn");

-- CreateIndex
CREATE INDEX "InspectionFile_inspectionId_idx" ON "InspectionFile"("inspectionId");

