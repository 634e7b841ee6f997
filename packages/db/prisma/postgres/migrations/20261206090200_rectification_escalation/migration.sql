-- AlterTable
ALTER TABLE "RectificationOrder" ADD COLUMN     "escalatedOn" TEXT;

