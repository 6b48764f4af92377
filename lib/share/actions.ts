"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/safe-action";
import { createShareLink, revokeShareLink } from "@/lib/share/share";
import { createShareLinkSchema, revokeShareLinkSchema } from "@/lib/share/share.validation";

export const createShareLinkAction = teamAction(
  createShareLinkSchema,
  "share.manage",
  async (input, context) => {
    const link = await createShareLink({ teamId: context.team.id, userId: context.user.id, ...input });
    revalidatePath(`/videos/${input.generationId}`);
    return { token: link.token };
  },
);

export const revokeShareLinkAction = teamAction(
  revokeShareLinkSchema,
  "share.manage",
  async ({ generationId, linkId }, context) => {
    await revokeShareLink({ teamId: context.team.id, userId: context.user.id, linkId });
    revalidatePath(`/videos/${generationId}`);
  },
);
