"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/safe-action";
import { buildSubmitGenerationSchema } from "@/lib/generations/request";
import { submitGenerations } from "@/lib/generations/submit";
import { getCatalog } from "@/lib/kling/catalog";

/**
 * Generate: validated here against the same schema as the form; Kling is called by the worker.
 * With takes > 1 the same request runs that many times as one batch, budgeted as a whole.
 */
export const submitGenerationAction = teamAction(
  () => buildSubmitGenerationSchema(getCatalog()),
  "generation.create",
  async ({ parentId, takes, ...input }, context) => {
    const result = await submitGenerations({
      teamId: context.team.id,
      userId: context.user.id,
      inputs: Array.from({ length: takes }, () => input),
      parentId,
      batch: takes > 1 ? { kind: "takes" } : undefined,
    });
    revalidatePath("/");
    return {
      ids: result.generations.map((generation) => generation.id),
      batchId: result.batchId,
      estimatedUnits: result.estimatedUnits,
    };
  },
);
