import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { requireId } from "@/lib/http/text";

/** Everything the video page shows, scoped to the team (another team's id is simply not found). */
export async function getVideoDetail(options: { teamId: string; generationId: string; viewerId: string }) {
  const generation = await db.generation.findFirst({
    where: {
      id: requireId(options.generationId, "generationId"),
      teamId: options.teamId,
      status: "archived",
    },
    include: {
      author: { select: { id: true, name: true } },
      assets: true,
      parent: { select: { id: true, prompt: true, status: true } },
      children: {
        select: { id: true, prompt: true, status: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      ratings: { select: { userId: true, stars: true } },
      comments: { include: { author: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
      activities: {
        include: { actor: { select: { name: true } } },
        orderBy: { createdAt: "desc" },
        take: 50,
      },
      shareLinks: { where: { revokedAt: null }, orderBy: { createdAt: "desc" } },
    },
  });
  if (!generation) throw new NotFoundError("That video does not exist in this team.");
  const video = generation.assets.find((asset) => asset.kind === "video");
  const poster = generation.assets.find((asset) => asset.kind === "poster");
  return {
    ...generation,
    video: video
      ? {
          id: video.id,
          url: `/api/media/${video.id}`,
          durationSeconds: video.durationSeconds,
          width: video.width,
          height: video.height,
          sizeBytes: Number(video.sizeBytes),
        }
      : null,
    posterUrl: poster ? `/api/media/${poster.id}` : null,
    myRating: generation.ratings.find((rating) => rating.userId === options.viewerId)?.stars ?? null,
    shareLinks: generation.shareLinks.filter((link) => !link.expiresAt || link.expiresAt > new Date()),
  };
}

export type VideoDetail = Awaited<ReturnType<typeof getVideoDetail>>;
