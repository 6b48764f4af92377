-- Batches (lib/batches): takes and comparisons are generations grouped under one batch. The batch
-- is only a grouping: every generation keeps its own row, lifecycle, cost and external_task_id.
CREATE TABLE "batch" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "chosenGenerationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "batch_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "batch_kind_check" CHECK ("kind" IN ('takes', 'compare')),
    CONSTRAINT "batch_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "batch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "batch_teamId_createdAt_idx" ON "batch"("teamId", "createdAt" DESC);

ALTER TABLE "generation" ADD COLUMN "batchId" TEXT;
-- 1-based position in its batch ("take 2 of 3"); null outside a batch.
ALTER TABLE "generation" ADD COLUMN "batchIndex" INTEGER;
ALTER TABLE "generation" ADD CONSTRAINT "generation_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "batch"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "generation_batchId_batchIndex_idx" ON "generation"("batchId", "batchIndex");

-- The chosen take must exist; deleting it just clears the choice.
ALTER TABLE "batch" ADD CONSTRAINT "batch_chosenGenerationId_fkey" FOREIGN KEY ("chosenGenerationId") REFERENCES "generation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE UNIQUE INDEX "batch_chosenGenerationId_key" ON "batch"("chosenGenerationId");
