"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/safe-action";
import { pickTake } from "@/lib/batches/batches";
import { pickTakeSchema } from "@/lib/batches/batches.validation";
import { createCompareShareLink, revokeCompareShareLink } from "@/lib/batches/compare";
import {
  buildCompareSchema,
  createCompareShareSchema,
  revokeCompareShareSchema,
} from "@/lib/batches/compare.validation";
import { submitGenerations } from "@/lib/generations/submit";
import { getCatalog } from "@/lib/kling/catalog";

/** "Pick this take": anyone who may review may choose which take covers the stack. */
export const pickTakeAction = teamAction(pickTakeSchema, "review.set", async (input, context) => {
  const result = await pickTake({ teamId: context.team.id, ...input });
  revalidatePath("/gallery");
  return result;
});

export const submitCompareAction = teamAction(
  () => buildCompareSchema(getCatalog()),
  "generation.create",
  async ({ columns, idempotencyKey }, context) => {
    const result = await submitGenerations({
      teamId: context.team.id,
      userId: context.user.id,
      inputs: columns,
      batch: { kind: "compare" },
      fieldPrefix: (index) => `columns[${index}].`,
      idempotencyKey,
    });
    revalidatePath("/");
    return { batchId: result.batchId as string, estimatedUnits: result.estimatedUnits };
  },
);

export const createCompareShareAction = teamAction(
  createCompareShareSchema,
  "share.manage",
  (input, context) => createCompareShareLink({ teamId: context.team.id, userId: context.user.id, ...input }),
);

export const revokeCompareShareAction = teamAction(
  revokeCompareShareSchema,
  "share.manage",
  async (input, context) => {
    await revokeCompareShareLink({ teamId: context.team.id, userId: context.user.id, ...input });
  },
);
