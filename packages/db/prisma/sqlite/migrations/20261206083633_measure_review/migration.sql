-- AlterTable
ALTER TABLE "AgreementMeasure" ADD COLUMN "reviewedById" TEXT;
ALTER TABLE "AgreementMeasure" ADD COLUMN "reviewedByName" TEXT;
ALTER TABLE "AgreementMeasure" ADD COLUMN "reviewedOn" TEXT;

