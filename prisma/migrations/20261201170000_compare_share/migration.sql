-- A public link to a comparison (a batch of kind compare): same rules as a video's share link.
CREATE TABLE "batch_share_link" (
    "id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "batch_share_link_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "batch_share_link_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "batch"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "batch_share_link_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "batch_share_link_token_key" ON "batch_share_link"("token");
CREATE INDEX "batch_share_link_batchId_idx" ON "batch_share_link"("batchId");
