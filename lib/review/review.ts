import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { recordActivity } from "@/lib/activity/log";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { findArchivedVideo } from "@/lib/generations/queries";
import {
  commentSchema,
  type ReviewState,
  reviewStateSchema,
  starsSchema,
} from "@/lib/review/review.validation";

const videoDuration = { assets: { where: { kind: "video" }, select: { durationSeconds: true } } } as const;

export async function setReviewState(options: {
  teamId: string;
  actorId: string;
  generationId: string;
  state: ReviewState;
}) {
  const state = parseOrThrow(reviewStateSchema, options.state, "state");
  return db.$transaction(async (tx) => {
    const video = await findArchivedVideo(tx, options);
    if (video.reviewState === state) return;
    await tx.generation.update({ where: { id: video.id }, data: { reviewState: state } });
    await recordActivity(tx, {
      teamId: options.teamId,
      actorId: options.actorId,
      generationId: video.id,
      kind: "review",
      detail: { from: video.reviewState, to: state },
    });
  });
}

export async function rateVideo(options: {
  teamId: string;
  userId: string;
  generationId: string;
  stars: number;
}) {
  const stars = parseOrThrow(starsSchema, options.stars, "stars");
  return db.$transaction(async (tx) => {
    const video = await findArchivedVideo(tx, options);
    await tx.rating.upsert({
      where: { generationId_userId: { generationId: video.id, userId: options.userId } },
      create: {
        id: randomUUID(),
        generationId: video.id,
        teamId: options.teamId,
        userId: options.userId,
        stars,
      },
      update: { stars },
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
    await recordActivity(tx, {
      teamId: options.teamId,
      actorId: options.userId,
      generationId: video.id,
      kind: "rating",
      detail: { stars },
    });
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
    const video = await findArchivedVideo(tx, { ...options, include: videoDuration });
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
    await recordActivity(tx, {
      teamId: options.teamId,
      actorId: options.authorId,
      generationId: video.id,
      kind: "comment",
      detail: { timecodeSeconds: timecode },
    });
    return comment;
  });
}

// The business functions check their own input too: scripts and tests call them without an action.
function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UserError(parsed.error.issues[0].message, { field });
  return parsed.data;
}
