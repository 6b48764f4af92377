-- The team prompt library (lib/templates): prompts with {variables} and their defaults.
CREATE TABLE "prompt_template" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "negativePrompt" TEXT NOT NULL DEFAULT '',
    -- {"subject": "a red fox", ...}: one default per {variable} in the prompt.
    "defaults" JSONB NOT NULL DEFAULT '{}',
    "useCount" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "prompt_template_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "prompt_template_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "prompt_template_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "user"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "prompt_template_teamId_archivedAt_useCount_idx" ON "prompt_template"("teamId", "archivedAt", "useCount" DESC);
