"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/safe-action";
import { pickTake } from "@/lib/batches/batches";
import { pickTakeSchema } from "@/lib/batches/batches.validation";

/** "Pick this take": anyone who may review may choose which take covers the stack. */
export const pickTakeAction = teamAction(pickTakeSchema, "review.set", async (input, context) => {
  const result = await pickTake({ teamId: context.team.id, ...input });
  revalidatePath("/gallery");
  return result;
});
