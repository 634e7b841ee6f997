-- AlterTable
ALTER TABLE "AgreementMeasure" ADD COLUMN     "reviewedById" TEXT,
ADD COLUMN     "reviewedByName" TEXT,
ADD COLUMN     "reviewedOn" TEXT;

