import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { NotFoundError, UserError } from "@/lib/errors";
import { REVIEW_STATES, type ReviewState } from "@/lib/gallery/filters";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireId, storableString } from "@/lib/http/text";

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

/** The finished video, in this team, or 404: the first step of every review action. */
async function videoInTeam(tx: Prisma.TransactionClient, teamId: string, generationId: string) {
  const generation = await tx.generation.findFirst({
    where: { id: requireId(generationId, "generationId"), teamId, status: "archived" },
    select: {
      id: true,
      reviewState: true,
      assets: { where: { kind: "video" }, select: { durationSeconds: true } },
    },
  });
  if (!generation) throw new NotFoundError("That video does not exist in this team.");
  return generation;
}

export async function setReviewState(options: {
  teamId: string;
  actorId: string;
  generationId: string;
  state: ReviewState;
}) {
  if (!REVIEW_STATES.includes(options.state))
    throw new UserError(`Review state must be one of ${REVIEW_STATES.join(", ")}`, { field: "state" });
  return db.$transaction(async (tx) => {
    const video = await videoInTeam(tx, options.teamId, options.generationId);
    if (video.reviewState === options.state) return;
    await tx.generation.update({ where: { id: video.id }, data: { reviewState: options.state } });
    await record(tx, options.teamId, options.actorId, video.id, "review", {
      from: video.reviewState,
      to: options.state,
    });
  });
}

export async function rateVideo(options: {
  teamId: string;
  userId: string;
  generationId: string;
  stars: number;
}) {
  if (!Number.isInteger(options.stars) || options.stars < 1 || options.stars > 5) {
    const got = typeof options.stars === "number" ? options.stars : `a ${typeof options.stars}`;
    throw new UserError(`Rating must be 1 to 5 stars; got ${got}`, { field: "stars" });
  }
  return db.$transaction(async (tx) => {
    const video = await videoInTeam(tx, options.teamId, options.generationId);
    await tx.rating.upsert({
      where: { generationId_userId: { generationId: video.id, userId: options.userId } },
      create: {
        id: randomUUID(),
        generationId: video.id,
        teamId: options.teamId,
        userId: options.userId,
        stars: options.stars,
      },
      update: { stars: options.stars },
    });
    const summary = await tx.rating.aggregate({
      where: { generationId: video.id },
      _avg: { stars: true },
      _count: true,
    });
    await tx.generation.update({
      where: { id: video.id },
      data: { ratingAverage: summary._avg.stars, ratingCount: summary._count },
    });
    await record(tx, options.teamId, options.userId, video.id, "rating", { stars: options.stars });
    return { average: summary._avg.stars, count: summary._count };
  });
}

export async function addComment(options: {
  teamId: string;
  authorId: string;
  generationId: string;
  input: z.input<typeof commentSchema>;
}) {
  const parsed = commentSchema.safeParse(options.input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(issue.message, { field: String(issue.path[0]) });
  }
  return db.$transaction(async (tx) => {
    const video = await videoInTeam(tx, options.teamId, options.generationId);
    const length = video.assets[0]?.durationSeconds;
    const timecode = parsed.data.timecodeSeconds;
    if (timecode !== null && length && timecode > length + 0.5) {
      throw new UserError(
        `Timecode ${timecode.toFixed(1)} s is past the end of the video (${length.toFixed(1)} s)`,
        { field: "timecodeSeconds" },
      );
    }
    const comment = await tx.comment.create({
      data: {
        id: randomUUID(),
        generationId: video.id,
        teamId: options.teamId,
        authorId: options.authorId,
        ...parsed.data,
      },
    });
    await record(tx, options.teamId, options.authorId, video.id, "comment", { timecodeSeconds: timecode });
    return comment;
  });
}

export async function record(
  tx: Prisma.TransactionClient,
  teamId: string,
  actorId: string,
  generationId: string,
  kind: string,
  detail: Prisma.InputJsonValue,
) {
  await tx.activity.create({ data: { id: randomUUID(), teamId, actorId, generationId, kind, detail } });
}
