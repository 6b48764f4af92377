"use server";

import { revalidatePath } from "next/cache";
import { teamAction } from "@/lib/auth/safe-action";
import { addComment, rateVideo, setReviewState } from "@/lib/review/review";
import { addCommentSchema, rateVideoSchema, setReviewStateSchema } from "@/lib/review/review.validation";

export const setReviewStateAction = teamAction(
  setReviewStateSchema,
  "review.set",
  async ({ generationId, state }, context) => {
    await setReviewState({ teamId: context.team.id, actorId: context.user.id, generationId, state });
    revalidatePath(`/videos/${generationId}`);
  },
);

export const rateVideoAction = teamAction(
  rateVideoSchema,
  "review.set",
  async ({ generationId, stars }, context) => {
    await rateVideo({ teamId: context.team.id, userId: context.user.id, generationId, stars });
    revalidatePath(`/videos/${generationId}`);
  },
);

export const addCommentAction = teamAction(
  addCommentSchema,
  "comment.create",
  async ({ generationId, ...input }, context) => {
    await addComment({ teamId: context.team.id, authorId: context.user.id, generationId, input });
    revalidatePath(`/videos/${generationId}`);
  },
);
