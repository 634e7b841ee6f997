-- CreateTable
CREATE TABLE "ChecklistVersion" (
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "orgKinds" JSONB NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "savedByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("code", "version")
);

