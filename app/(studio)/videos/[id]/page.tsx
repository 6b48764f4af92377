import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { VideoReview } from "@/components/review/video-review";
import { can } from "@/lib/auth/permissions";
import { requirePageTeam } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { filterToQuery, parseGalleryFilter } from "@/lib/gallery/filters";
import { galleryNeighbors } from "@/lib/gallery/queries";
import { getVideoDetail } from "@/lib/review/detail";

export const metadata: Metadata = { title: "Video" };

export default async function VideoPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const context = await requirePageTeam("team.view");
  if (!context) return null;
  const { id } = await params;
  const filter = parseGalleryFilter(await searchParams);
  const detail = await getVideoDetail({
    teamId: context.team.id,
    generationId: id,
    viewerId: context.user.id,
  }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const neighbors = await galleryNeighbors({ teamId: context.team.id, filter, id });
  const query = filterToQuery(filter);
  const role = context.member.role;
  return (
    <VideoReview
      detail={{
        id: detail.id,
        prompt: detail.prompt,
        negativePrompt: detail.negativePrompt,
        model: detail.model,
        mode: detail.mode,
        duration: detail.duration,
        aspectRatio: detail.aspectRatio,
        sound: detail.sound,
        request: detail.request as Record<string, unknown>,
        estimatedUnits: Number(detail.estimatedUnits),
        chargedUnits: detail.chargedUnits === null ? null : Number(detail.chargedUnits),
        author: detail.author,
        createdAt: detail.createdAt.toISOString(),
        archivedAt: detail.archivedAt?.toISOString() ?? null,
        klingTaskId: detail.klingTaskId,
        reviewState: detail.reviewState,
        ratingAverage: detail.ratingAverage,
        ratingCount: detail.ratingCount,
        myRating: detail.myRating,
        video: detail.video,
        posterUrl: detail.posterUrl,
        parent: detail.parent,
        children: detail.children.map((child) => ({
          id: child.id,
          prompt: child.prompt,
          status: child.status,
        })),
        comments: detail.comments.map((comment) => ({
          id: comment.id,
          body: comment.body,
          timecodeSeconds: comment.timecodeSeconds,
          author: comment.author.name,
          createdAt: comment.createdAt.toISOString(),
        })),
        activity: detail.activities.map((activity) => ({
          id: activity.id,
          kind: activity.kind,
          detail: activity.detail as Record<string, unknown>,
          actor: activity.actor.name,
          createdAt: activity.createdAt.toISOString(),
        })),
        // Note: live share tokens are public URLs; only roles that manage sharing receive them.
        shareLinks: (can(role, "share.manage") ? detail.shareLinks : []).map((link) => ({
          id: link.id,
          token: link.token,
          hidePrompt: link.hidePrompt,
          expiresAt: link.expiresAt?.toISOString() ?? null,
          viewCount: link.viewCount,
        })),
      }}
      permissions={{
        review: can(role, "review.set"),
        comment: can(role, "comment.create"),
        share: can(role, "share.manage"),
        generate: can(role, "generation.create"),
      }}
      navigation={{
        previous: neighbors.previousId ? `/videos/${neighbors.previousId}${query ? `?${query}` : ""}` : null,
        next: neighbors.nextId ? `/videos/${neighbors.nextId}${query ? `?${query}` : ""}` : null,
        gallery: `/gallery${query ? `?${query}` : ""}`,
      }}
    />
  );
}
