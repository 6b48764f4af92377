"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/safe-action";
import { buildSubmitGenerationSchema } from "@/lib/generations/request";
import { submitGeneration } from "@/lib/generations/submit";
import { getCatalog } from "@/lib/kling/catalog";

/** Generate: validated here against the same schema as the form; Kling is called by the worker. */
export const submitGenerationAction = teamAction(
  () => buildSubmitGenerationSchema(getCatalog()),
  "generation.create",
  async ({ parentId, ...input }, context) => {
    const result = await submitGeneration({
      teamId: context.team.id,
      userId: context.user.id,
      input,
      parentId,
    });
    revalidatePath("/");
    return result;
  },
);
