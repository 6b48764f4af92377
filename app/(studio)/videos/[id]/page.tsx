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
  const role = context.member.role;
  const detail = await getVideoDetail({
    teamId: context.team.id,
    generationId: id,
    viewerId: context.user.id,
    role,
  }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const neighbors = await galleryNeighbors({ teamId: context.team.id, filter, id });
  const query = filterToQuery(filter);
  return (
    <VideoReview
      detail={detail}
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
