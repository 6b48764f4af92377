import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertTransition, type CommonNextStatus, type GenerationStatus } from "@/lib/generations/lifecycle";
import { pipelineSettings } from "@/lib/generations/settings";

/**
 * A row update that may move the status: Prisma's own update input (a misspelt column does not
 * compile), with `status` narrowed to the moves lib/generations/lifecycle.ts allows from every
 * status in `From`. Without `status`, the row stays where it is.
 */
export type TransitionData<From extends GenerationStatus> = Omit<
  Prisma.GenerationUpdateManyMutationInput,
  "status" | "leaseUntil"
> & { status?: CommonNextStatus<From> };

/**
 * Takes the row for one worker while it talks to Kling or copies files: a compare-and-set on
 * status plus an expiring lease, so duplicate jobs are no-ops and a dead worker's lease runs out.
 */
export async function claim<From extends GenerationStatus>(
  id: string,
  from: readonly From[],
  data: TransitionData<From> = {},
) {
  checkMove(from, data);
  const now = new Date();
  const result = await db.generation.updateMany({
    where: {
      id,
      status: { in: [...from] },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    data: { ...data, leaseUntil: new Date(now.getTime() + pipelineSettings().leaseMs) },
  });
  return result.count === 1;
}

/** Moves the row from one of `from` to a new state (and drops the lease); false if someone else moved it. */
export async function transition<From extends GenerationStatus>(
  id: string,
  from: readonly From[],
  data: TransitionData<From>,
) {
  checkMove(from, data);
  const result = await db.generation.updateMany({
    where: { id, status: { in: [...from] } },
    data: { leaseUntil: null, ...data },
  });
  return result.count === 1;
}

// The types already refuse a move the table does not allow; this catches one that slipped past
// them (a widened variable, a cast) before it reaches the database.
function checkMove(from: readonly GenerationStatus[], data: { status?: GenerationStatus }) {
  for (const to of data.status ? [data.status] : from) assertTransition(from, to);
}
