"use server";

import { revalidatePath } from "next/cache";
import { requireTeam } from "@/lib/auth/session";
import { type ActionResult, toActionResult } from "@/lib/errors";
import type { GenerationRequestInput } from "@/lib/generations/request";
import { submitGeneration } from "@/lib/generations/submit";

/** Generate: validated on the server against the same schema as the form; Kling is called by the worker. */
export async function submitGenerationAction(
  input: GenerationRequestInput,
  parentId?: string | null,
): Promise<ActionResult<{ id: string; estimatedUnits: number }>> {
  return toActionResult(async () => {
    const context = await requireTeam("generation.create");
    const result = await submitGeneration({
      teamId: context.team.id,
      userId: context.user.id,
      input,
      parentId,
    });
    revalidatePath("/");
    return result;
  });
}
