// Review states, ratings and comments: client-safe, shared by the video page, the gallery filter and
// lib/review/actions.ts.
import { z } from "zod";
import { storableString } from "@/lib/http/text";
import { idSchema } from "@/lib/validation";

export const REVIEW_STATES = ["none", "approved", "changes_requested", "rejected"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_LABELS: Record<ReviewState, string> = {
  none: "Unreviewed",
  approved: "Approved",
  changes_requested: "Changes requested",
  rejected: "Rejected",
};

export function reviewLabel(state: string) {
  return Object.hasOwn(REVIEW_LABELS, state) ? REVIEW_LABELS[state as ReviewState] : state;
}

export const reviewStateSchema = z.enum(REVIEW_STATES, {
  error: `Review state must be one of ${REVIEW_STATES.join(", ")}`,
});

export const starsSchema = z
  .number({ error: "Rating must be 1 to 5 stars" })
  .refine((stars) => Number.isInteger(stars) && stars >= 1 && stars <= 5, {
    error: (issue) =>
      `Rating must be 1 to 5 stars; got ${typeof issue.input === "number" ? issue.input : typeof issue.input}`,
  });

export const commentSchema = z.object({
  body: storableString("Comment", { error: "Comment is required" })
    .trim()
    .min(1, { error: "Comment is empty" })
    .max(2000, { error: "Comment must be at most 2000 characters" }),
  timecodeSeconds: z
    .number()
    .min(0, { error: "Timecode must be 0 or more seconds" })
    .nullable()
    .default(null),
});

export const setReviewStateSchema = z.object({ generationId: idSchema, state: reviewStateSchema });
export const rateVideoSchema = z.object({ generationId: idSchema, stars: starsSchema });
export const addCommentSchema = commentSchema.extend({ generationId: idSchema });
