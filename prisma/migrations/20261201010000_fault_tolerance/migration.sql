-- Nothing lost, nothing paid twice (issue 13).

-- Rows are held by a live worker process, not by a lease that runs out: a worker heartbeats on the
-- database clock, and a row whose holder stopped heartbeating is free again within seconds, while a
-- slow but live worker keeps it.
CREATE TABLE "worker_process" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "worker_process_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "generation"
    DROP COLUMN "leaseUntil",
    ADD COLUMN "leaseOwner" TEXT,
    ADD COLUMN "leasedAt" TIMESTAMP(3),
    -- Why our copy is not saved yet, written for members (the detail is in the server log).
    ADD COLUMN "archiveError" TEXT,
    -- When a timed-out task was last looked up on its own (late results, least recently first).
    ADD COLUMN "lastCheckedAt" TIMESTAMP(3),
    -- When a create POST last left: a lookup that finds nothing soon after may just be early.
    ADD COLUMN "lastCreateAt" TIMESTAMP(3),
    -- One Generate action, one generation: a repeated POST with the same key finds the first.
    ADD COLUMN "idempotencyKey" TEXT;
CREATE INDEX "generation_leaseOwner_idx" ON "generation"("leaseOwner");
CREATE UNIQUE INDEX "generation_teamId_idempotencyKey_key" ON "generation"("teamId", "idempotencyKey");

-- archive_waiting: Kling made the video, our copy is not saved yet (lib/generations/lifecycle.ts).
ALTER TABLE "generation" DROP CONSTRAINT "generation_status_check";
ALTER TABLE "generation" ADD CONSTRAINT "generation_status_check" CHECK ("status" IN (
    'queued', 'submitting', 'submitted', 'processing', 'succeeded', 'archive_waiting', 'archived', 'failed', 'timed_out'
));
