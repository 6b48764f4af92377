"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { teamAction } from "@/lib/auth/safe-action";
import { buildSubmitGenerationSchema } from "@/lib/generations/request";
import { retryArchiveNow } from "@/lib/generations/retry";
import { submitGeneration } from "@/lib/generations/submit";
import { getCatalog } from "@/lib/kling/catalog";

/** Generate: validated here against the same schema as the form; Kling is called by the worker. */
export const submitGenerationAction = teamAction(
  () => buildSubmitGenerationSchema(getCatalog()),
  "generation.create",
  async ({ parentId, idempotencyKey, ...input }, context) => {
    const result = await submitGeneration({
      teamId: context.team.id,
      userId: context.user.id,
      input,
      parentId,
      idempotencyKey,
    });
    revalidatePath("/");
    return result;
  },
);

/** "Retry now" on a video whose copy is not saved yet: creators and above, like generating. */
export const retryArchiveAction = teamAction(
  z.object({ generationId: z.string().min(1, { error: "Unknown generation" }) }),
  "generation.create",
  async ({ generationId }, context) => retryArchiveNow({ teamId: context.team.id, generationId }),
);
