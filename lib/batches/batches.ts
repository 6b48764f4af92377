import "server-only";
import { db } from "@/lib/db";
import { NotFoundError, UserError } from "@/lib/errors";

/**
 * "Pick this take": makes one finished take the batch's cover in the queue and the gallery.
 * Both the batch and the take are looked up within the team.
 */
export async function pickTake(options: { teamId: string; batchId: string; generationId: string }) {
  const take = await db.generation.findFirst({
    where: { id: options.generationId, teamId: options.teamId, batchId: options.batchId },
    select: { id: true, status: true, batchIndex: true },
  });
  if (!take) throw new NotFoundError("That take is not part of this batch in your team.");
  if (take.status !== "archived")
    throw new UserError(
      `Take ${take.batchIndex} has no finished video; only a finished take can be the cover.`,
      {
        status: 409,
      },
    );
  await db.batch.update({
    where: { id: options.batchId, teamId: options.teamId },
    data: { chosenGenerationId: take.id },
  });
  return { batchId: options.batchId, chosenGenerationId: take.id };
}
