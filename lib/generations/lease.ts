import { db } from "@/lib/db";
import { pipelineSettings } from "@/lib/generations/settings";

/**
 * Takes the row for one worker while it talks to Kling or copies files: a compare-and-set on
 * status plus an expiring lease, so duplicate jobs are no-ops and a dead worker's lease runs out.
 */
export async function claim(id: string, from: string[], data: Record<string, unknown> = {}) {
  const now = new Date();
  const result = await db.generation.updateMany({
    where: {
      id,
      status: { in: from },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    data: { ...data, leaseUntil: new Date(now.getTime() + pipelineSettings().leaseMs) },
  });
  return result.count === 1;
}

/** Moves the row from one of `from` to a new state (and drops the lease); false if someone else moved it. */
export async function transition(id: string, from: string[], data: Record<string, unknown>) {
  const result = await db.generation.updateMany({
    where: { id, status: { in: from } },
    data: { leaseUntil: null, ...data },
  });
  return result.count === 1;
}
