-- Gallery, review and share links (lib/gallery, lib/review, lib/share).
ALTER TABLE "generation"
    ADD COLUMN "reviewState" TEXT NOT NULL DEFAULT 'none',
    ADD COLUMN "ratingAverage" DOUBLE PRECISION,
    ADD COLUMN "ratingCount" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "promptSearch" tsvector GENERATED ALWAYS AS (to_tsvector('english', "prompt")) STORED;
CREATE INDEX "generation_promptSearch_idx" ON "generation" USING GIN ("promptSearch");
CREATE INDEX "generation_teamId_status_createdAt_id_idx" ON "generation"("teamId", "status", "createdAt" DESC, "id" DESC);

CREATE TABLE "rating" (
    "id" TEXT NOT NULL,
    "generationId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stars" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "rating_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "rating_stars_check" CHECK ("stars" BETWEEN 1 AND 5),
    CONSTRAINT "rating_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "generation"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "rating_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "rating_generationId_userId_key" ON "rating"("generationId", "userId");

CREATE TABLE "comment" (
    "id" TEXT NOT NULL,
    "generationId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "timecodeSeconds" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "comment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "comment_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "generation"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "comment_generationId_createdAt_idx" ON "comment"("generationId", "createdAt");

CREATE TABLE "activity" (
    "id" TEXT NOT NULL,
    "generationId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "activity_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "activity_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "generation"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "activity_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "activity_generationId_createdAt_idx" ON "activity"("generationId", "createdAt");

CREATE TABLE "share_link" (
    "id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "generationId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "hidePrompt" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "share_link_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "share_link_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "generation"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "share_link_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "share_link_token_key" ON "share_link"("token");
CREATE INDEX "share_link_generationId_idx" ON "share_link"("generationId");
