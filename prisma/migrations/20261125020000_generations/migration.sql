-- Generations and their stored files (lib/generations).
CREATE TABLE "generation" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "parentId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "request" JSONB NOT NULL,
    "prompt" TEXT NOT NULL,
    "negativePrompt" TEXT NOT NULL DEFAULT '',
    "model" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "duration" INTEGER NOT NULL,
    "aspectRatio" TEXT NOT NULL,
    "sound" BOOLEAN NOT NULL DEFAULT false,
    "estimatedUnits" DECIMAL(10,2) NOT NULL,
    "chargedUnits" DECIMAL(10,2),
    "klingTaskId" TEXT,
    "klingStatus" TEXT,
    "klingStatusMsg" TEXT,
    "errorMessage" TEXT,
    "resultUrl" TEXT,
    "resultDuration" TEXT,
    "submitAttempts" INTEGER NOT NULL DEFAULT 0,
    "archiveAttempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "generation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "generation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "generation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "generation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "generation"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "generation_klingTaskId_key" ON "generation"("klingTaskId");
CREATE INDEX "generation_teamId_createdAt_idx" ON "generation"("teamId", "createdAt" DESC);
CREATE INDEX "generation_status_idx" ON "generation"("status");

CREATE TABLE "asset" (
    "id" TEXT NOT NULL,
    "generationId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "durationSeconds" DOUBLE PRECISION,
    "width" INTEGER,
    "height" INTEGER,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "asset_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "asset_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "generation"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "asset_generationId_kind_key" ON "asset"("generationId", "kind");
CREATE INDEX "asset_teamId_idx" ON "asset"("teamId");
