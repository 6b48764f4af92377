import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertTransition, type CommonNextStatus, type GenerationStatus } from "@/lib/generations/lifecycle";
import { pipelineSettings } from "@/lib/generations/settings";
import type { Holder } from "@/lib/jobs/worker-process";

/**
 * A row update that may move the status: Prisma's own update input (a misspelt column does not
 * compile), with `status` narrowed to the moves lib/generations/lifecycle.ts allows from every
 * status in `From`. Without `status`, the row stays where it is. Who holds the row is this
 * module's business only.
 */
export type TransitionData<From extends GenerationStatus> = Omit<
  Prisma.GenerationUpdateManyMutationInput,
  "status" | "leaseOwner" | "leasedAt"
> & { status?: CommonNextStatus<From> };

/** The generation as a worker claimed it: decisions are made on this, never on an earlier read. */
export interface ClaimedRow {
  id: string;
  status: string;
  submitAttempts: number;
  archiveAttempts: number;
}

/**
 * Takes the row for one worker while it talks to Kling or copies files. A compare-and-set on the
 * status *and* the attempt counters as `seen`, so of two jobs that read the same row only one gets
 * it, and the loser cannot act on what it read; the claim counts one more attempt of `counter`.
 * Free rows are those nobody holds, or whose holder stopped heartbeating (database clock,
 * lib/jobs/worker-process.ts): a dead worker's rows are taken over in seconds, a live one's never.
 */
export async function claim<From extends GenerationStatus>(
  id: string,
  from: readonly From[],
  data: { status?: CommonNextStatus<From> },
  guard: { holder: Holder; seen: ClaimedRow; counter: "submitAttempts" | "archiveAttempts" },
): Promise<ClaimedRow | null> {
  checkMove(from, data);
  const { holder, seen } = guard;
  if (!(from as readonly string[]).includes(seen.status)) return null;
  const counter = Prisma.raw(`"${guard.counter}"`);
  const rows = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "generation" AS g
    SET "status" = ${data.status ?? seen.status}, ${counter} = ${counter} + 1,
        "leaseOwner" = ${holder.id}, "leasedAt" = CURRENT_TIMESTAMP, "updatedAt" = CURRENT_TIMESTAMP
    WHERE g."id" = ${id} AND g."status" = ${seen.status}
      AND g."submitAttempts" = ${seen.submitAttempts} AND g."archiveAttempts" = ${seen.archiveAttempts}
      AND (g."leaseOwner" IS NULL OR ${heldByDeadWorker()})
    RETURNING g."id", g."status", g."submitAttempts", g."archiveAttempts"`;
  return rows[0] ?? null;
}

/** SQL (on `generation AS g`): the row's holder has not heartbeaten within the staleness window, or is gone. */
export function heldByDeadWorker(staleSeconds = pipelineSettings().staleMs / 1000) {
  return Prisma.sql`NOT EXISTS (
    SELECT 1 FROM "worker_process" w
    WHERE w."id" = g."leaseOwner" AND w."heartbeatAt" > CURRENT_TIMESTAMP - make_interval(secs => ${staleSeconds}))`;
}

/**
 * Moves the row from one of `from` to a new state; false if someone else moved it. With a
 * `holder`, only while that worker still holds the row (it may have been taken over after its
 * heartbeat went stale), and the row is released; without, only a row nobody holds (rows waiting
 * on Kling, moved by the poll tick and callbacks).
 */
export async function transition<From extends GenerationStatus>(
  id: string,
  from: readonly From[],
  data: TransitionData<From>,
  holder?: Holder,
) {
  checkMove(from, data);
  const result = await db.generation.updateMany({
    where: { id, status: { in: [...from] }, leaseOwner: holder?.id ?? null },
    data: { ...data, leaseOwner: null, leasedAt: null },
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

// The types already refuse a move the table does not allow; this catches one that slipped past
// them (a widened variable, a cast) before it reaches the database. Without a status each row
// stays in its own, which is always allowed (so `from` may list several, e.g. both saving states).
function checkMove(from: readonly GenerationStatus[], data: { status?: GenerationStatus }) {
  for (const to of data.status ? [data.status] : from) assertTransition(data.status ? from : [to], to);
}
