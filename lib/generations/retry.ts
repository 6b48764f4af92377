import "server-only";
import { db } from "@/lib/db";
import { NotFoundError, UserError } from "@/lib/errors";
import { transition } from "@/lib/generations/lease";
import { enqueueArchive } from "@/lib/jobs/queues";

/**
 * "Retry now" on a video Kling made whose copy is not saved yet: the next try is due at once.
 * Only a waiting row nobody holds moves; one being saved right now is left to that attempt.
 */
export async function retryArchiveNow(options: { teamId: string; generationId: string }) {
  const row = await db.generation.findFirst({
    where: { id: options.generationId, teamId: options.teamId },
    select: { id: true },
  });
  if (!row) throw new NotFoundError("No such generation in this team.");
  const moved = await transition(row.id, ["archive_waiting"], { nextAttemptAt: new Date() });
  if (!moved)
    throw new UserError("This video is not waiting to be saved (it may be saving right now).", {
      status: 409,
    });
  await enqueueArchive(row.id);
  return { id: row.id };
}
