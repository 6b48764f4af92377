"use server";

import { revalidatePath } from "next/cache";
import { requireTeam } from "@/lib/auth/session";
import { pickTake } from "@/lib/batches/batches";
import { pickTakeSchema } from "@/lib/batches/batches.validation";
import { type ActionResult, toActionResult, UserError } from "@/lib/errors";

/** "Pick this take": anyone who may review may choose which take covers the stack. */
export async function pickTakeAction(
  input: unknown,
): Promise<ActionResult<{ batchId: string; chosenGenerationId: string }>> {
  return toActionResult(async () => {
    const context = await requireTeam("review.set");
    const parsed = pickTakeSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserError(issue.message, { field: String(issue.path[0] ?? "") || undefined });
    }
    const result = await pickTake({ teamId: context.team.id, ...parsed.data });
    revalidatePath("/gallery");
    return result;
  });
}
