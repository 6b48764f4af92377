"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { teamAction } from "@/lib/auth/safe-action";
import { buildSubmitGenerationSchema } from "@/lib/generations/request";
import { retryArchiveNow } from "@/lib/generations/retry";
import { submitGenerations } from "@/lib/generations/submit";
import { getCatalog } from "@/lib/kling/catalog";

/**
 * Generate: validated here against the same schema as the form; Kling is called by the worker.
 * With takes > 1 the same request runs that many times as one batch, budgeted as a whole.
 */
export const submitGenerationAction = teamAction(
  () => buildSubmitGenerationSchema(getCatalog()),
  "generation.create",
  async ({ parentId, takes, idempotencyKey, ...input }, context) => {
    const result = await submitGenerations({
      teamId: context.team.id,
      userId: context.user.id,
      inputs: Array.from({ length: takes }, () => input),
      parentId,
      batch: takes > 1 ? { kind: "takes" } : undefined,
      idempotencyKey,
    });
    revalidatePath("/");
    return {
      ids: result.generations.map((generation) => generation.id),
      batchId: result.batchId,
      estimatedUnits: result.estimatedUnits,
    };
  },
);

/** "Retry now" on a video whose copy is not saved yet: creators and above, like generating. */
export const retryArchiveAction = teamAction(
  z.object({ generationId: z.string().min(1, { error: "Unknown generation" }) }),
  "generation.create",
  async ({ generationId }, context) => retryArchiveNow({ teamId: context.team.id, generationId }),
);
