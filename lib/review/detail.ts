import "server-only";
import { can, type Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { findArchivedVideo } from "@/lib/generations/queries";
import { parseStoredRequest } from "@/lib/generations/request";
import { mediaUrl } from "@/lib/media/urls";
import { listComments } from "@/lib/review/comments";

/**
 * Everything the video page shows, as one serializable object (ISO dates, plain numbers), scoped
 * to the team: another team's id is simply not found. Its type is what the page's components take.
 */
export async function getVideoDetail(options: {
  teamId: string;
  generationId: string;
  viewerId: string;
  role: Role;
}) {
  const generation = await findArchivedVideo(db, {
    ...options,
    include: {
      author: { select: { id: true, name: true } },
      assets: true,
      parent: { select: { id: true, prompt: true, status: true } },
      children: {
        select: { id: true, prompt: true, status: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      ratings: { select: { userId: true, stars: true } },
      activities: {
        include: { actor: { select: { name: true } } },
        orderBy: { createdAt: "desc" },
        take: 50,
      },
      shareLinks: { where: { revokedAt: null }, orderBy: { createdAt: "desc" } },
    },
  });
  const comments = await listComments({ teamId: options.teamId, generationId: generation.id });
  const video = generation.assets.find((asset) => asset.kind === "video");
  const poster = generation.assets.find((asset) => asset.kind === "poster");
  const now = new Date();
  return {
    id: generation.id,
    prompt: generation.prompt,
    negativePrompt: generation.negativePrompt,
    model: generation.model,
    mode: generation.mode,
    duration: generation.duration,
    aspectRatio: generation.aspectRatio,
    sound: generation.sound,
    request: parseStoredRequest(generation.request),
    estimatedUnits: Number(generation.estimatedUnits),
    chargedUnits: generation.chargedUnits === null ? null : Number(generation.chargedUnits),
    author: generation.author,
    createdAt: generation.createdAt.toISOString(),
    archivedAt: generation.archivedAt?.toISOString() ?? null,
    klingTaskId: generation.klingTaskId,
    reviewState: generation.reviewState,
    ratingAverage: generation.ratingAverage,
    ratingCount: generation.ratingCount,
    myRating: generation.ratings.find((rating) => rating.userId === options.viewerId)?.stars ?? null,
    video: video
      ? {
          id: video.id,
          url: mediaUrl(video.id),
          durationSeconds: video.durationSeconds,
          width: video.width,
          height: video.height,
          sizeBytes: Number(video.sizeBytes),
        }
      : null,
    posterUrl: mediaUrl(poster?.id),
    parent: generation.parent,
    children: generation.children.map((child) => ({
      id: child.id,
      prompt: child.prompt,
      status: child.status,
    })),
    // Note: the newest page only; a video's comments are unbounded, the page is not.
    comments: comments.comments,
    earlierComments: comments.earlier,
    commentCount: comments.total,
    activity: generation.activities.map((activity) => ({
      id: activity.id,
      kind: activity.kind,
      detail: jsonObject(activity.detail),
      actor: activity.actor.name,
      createdAt: activity.createdAt.toISOString(),
    })),
    // Note: live share tokens are public URLs; only roles that manage sharing receive them.
    shareLinks: can(options.role, "share.manage")
      ? generation.shareLinks
          .filter((link) => !link.expiresAt || link.expiresAt > now)
          .map((link) => ({
            id: link.id,
            token: link.token,
            hidePrompt: link.hidePrompt,
            expiresAt: link.expiresAt?.toISOString() ?? null,
            viewCount: link.viewCount,
          }))
      : [],
  };
}

export type VideoDetail = Awaited<ReturnType<typeof getVideoDetail>>;

/** Activity details are JSON objects written by lib/activity/log.ts; anything else reads as empty. */
function jsonObject(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
