"use server";

import { revalidatePath } from "next/cache";
import { requireTeam } from "@/lib/auth/session";
import { type ActionResult, toActionResult } from "@/lib/errors";
import type { ReviewState } from "@/lib/gallery/filters";
import { addComment, rateVideo, setReviewState } from "@/lib/review/review";
import { createShareLink, revokeShareLink, type ShareExpiry } from "@/lib/share/share";

export async function setReviewStateAction(generationId: string, state: ReviewState): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await requireTeam("review.set");
    await setReviewState({
      teamId: context.team.id,
      actorId: context.user.id,
      generationId: String(generationId),
      state,
    });
    revalidatePath(`/videos/${generationId}`);
    return undefined;
  });
}

export async function rateVideoAction(generationId: string, stars: number): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await requireTeam("review.set");
    await rateVideo({
      teamId: context.team.id,
      userId: context.user.id,
      generationId: String(generationId),
      stars: Number(stars),
    });
    revalidatePath(`/videos/${generationId}`);
    return undefined;
  });
}

export async function addCommentAction(
  generationId: string,
  body: string,
  timecodeSeconds: number | null,
): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await requireTeam("comment.create");
    await addComment({
      teamId: context.team.id,
      authorId: context.user.id,
      generationId: String(generationId),
      input: { body, timecodeSeconds },
    });
    revalidatePath(`/videos/${generationId}`);
    return undefined;
  });
}

export async function createShareLinkAction(
  generationId: string,
  expiry: ShareExpiry,
  hidePrompt: boolean,
): Promise<ActionResult<{ token: string }>> {
  return toActionResult(async () => {
    const context = await requireTeam("share.manage");
    const link = await createShareLink({
      teamId: context.team.id,
      userId: context.user.id,
      generationId: String(generationId),
      expiry,
      hidePrompt: Boolean(hidePrompt),
    });
    revalidatePath(`/videos/${generationId}`);
    return { token: link.token };
  });
}

export async function revokeShareLinkAction(generationId: string, linkId: string): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await requireTeam("share.manage");
    await revokeShareLink({ teamId: context.team.id, userId: context.user.id, linkId: String(linkId) });
    revalidatePath(`/videos/${generationId}`);
    return undefined;
  });
}
