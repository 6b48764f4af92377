"use server";

import { revalidatePath } from "next/cache";
import { requireTeam } from "@/lib/auth/session";
import { takesSchema } from "@/lib/batches/batches.validation";
import { type ActionResult, toActionResult, UserError } from "@/lib/errors";
import type { GenerationRequestInput } from "@/lib/generations/request";
import { submitGenerations } from "@/lib/generations/submit";

/**
 * Generate: validated on the server against the same schema as the form; Kling is called by the
 * worker. With takes > 1 the same request runs that many times as one batch, budgeted as a whole.
 */
export async function submitGenerationAction(
  input: GenerationRequestInput,
  parentId?: string | null,
  takes = 1,
): Promise<ActionResult<{ ids: string[]; batchId: string | null; estimatedUnits: number }>> {
  return toActionResult(async () => {
    const context = await requireTeam("generation.create");
    const count = takesSchema.safeParse(takes);
    if (!count.success) throw new UserError(count.error.issues[0].message, { field: "takes" });
    const result = await submitGenerations({
      teamId: context.team.id,
      userId: context.user.id,
      inputs: Array.from({ length: count.data }, () => input),
      parentId,
      batch: count.data > 1 ? { kind: "takes" } : undefined,
    });
    revalidatePath("/");
    return {
      ids: result.generations.map((generation) => generation.id),
      batchId: result.batchId,
      estimatedUnits: result.estimatedUnits,
    };
  });
}
