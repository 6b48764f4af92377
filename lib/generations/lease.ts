import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { pipelineSettings } from "@/lib/generations/settings";
import type { Holder } from "@/lib/jobs/worker-process";

/** The generation as a worker claimed it: decisions are made on this, never on an earlier read. */
export interface ClaimedRow {
  id: string;
  status: string;
  submitAttempts: number;
  archiveAttempts: number;
}

/**
 * Takes the row for one worker while it talks to Kling or copies files. A compare-and-set on the
 * status *and* the attempt counter as read, so of two jobs that read the same row only one gets
 * it, and the loser cannot act on what it read. Free rows are those nobody holds, or whose holder
 * stopped heartbeating (database clock, lib/jobs/worker-process.ts).
 */
export async function claim(
  holder: Holder,
  seen: ClaimedRow,
  change: { status: string; counter: "submitAttempts" | "archiveAttempts" },
): Promise<ClaimedRow | null> {
  const staleSeconds = pipelineSettings().staleMs / 1000;
  const counter = Prisma.raw(`"${change.counter}"`);
  const rows = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "generation" AS g
    SET "status" = ${change.status}, ${counter} = ${counter} + 1,
        "leaseOwner" = ${holder.id}, "leasedAt" = CURRENT_TIMESTAMP, "updatedAt" = CURRENT_TIMESTAMP
    WHERE g."id" = ${seen.id} AND g."status" = ${seen.status}
      AND g."submitAttempts" = ${seen.submitAttempts} AND g."archiveAttempts" = ${seen.archiveAttempts}
      AND (g."leaseOwner" IS NULL OR ${heldByDeadWorker(staleSeconds)})
    RETURNING g."id", g."status", g."submitAttempts", g."archiveAttempts"`;
  return rows[0] ?? null;
}

/** SQL: the row's holder has not heartbeaten within the staleness window (or is gone). */
export function heldByDeadWorker(staleSeconds: number) {
  return Prisma.sql`NOT EXISTS (
    SELECT 1 FROM "worker_process" w
    WHERE w."id" = g."leaseOwner" AND w."heartbeatAt" > CURRENT_TIMESTAMP - make_interval(secs => ${staleSeconds}))`;
}

/**
 * Moves a held row from one of `from` to a new state and releases it; false if this worker no
 * longer holds it (taken over after its heartbeat went stale) or someone else moved it.
 */
export async function transition(
  holder: Holder,
  id: string,
  from: readonly string[],
  data: Prisma.GenerationUpdateManyMutationInput,
) {
  const result = await db.generation.updateMany({
    where: { id, status: { in: [...from] }, leaseOwner: holder.id },
    data: { ...data, leaseOwner: null, leasedAt: null },
  });
  return result.count === 1;
}

/** For rows nobody holds (waiting on Kling): callbacks and the poll tick move them. */
export async function transitionUnheld(
  id: string,
  from: readonly string[],
  data: Prisma.GenerationUpdateManyMutationInput,
) {
  const result = await db.generation.updateMany({
    where: { id, status: { in: [...from] }, leaseOwner: null },
    data,
  });
  return result.count === 1;
}

/** Gives a row back without changing it (the step was skipped or ended abnormally). */
export async function release(holder: Holder, id: string) {
  await db.generation.updateMany({
    where: { id, leaseOwner: holder.id },
    data: { leaseOwner: null, leasedAt: null },
  });
}

/**
 * Runs one step on one row for this process: marks it in flight (so the heartbeat does not
 * release it) and gives it back afterwards whatever happened.
 */
export async function holding<T>(holder: Holder, id: string, step: () => Promise<T>): Promise<T | "skipped"> {
  if (holder.inFlight.has(id)) return "skipped"; // a duplicate job in this same process
  holder.inFlight.add(id);
  try {
    return await step();
  } finally {
    holder.inFlight.delete(id);
    await release(holder, id).catch(() => {}); // else the heartbeat releases it within a second
  }
}
