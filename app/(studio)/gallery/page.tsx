import type { Metadata } from "next";
import { Gallery } from "@/components/gallery/gallery";
import { can } from "@/lib/auth/permissions";
import { requirePageTeam } from "@/lib/auth/session";
import { parseGalleryFilter } from "@/lib/gallery/filters";
import { galleryFacets, listGallery } from "@/lib/gallery/queries";

export const metadata: Metadata = { title: "Gallery" };

export default async function GalleryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const context = await requirePageTeam("team.view");
  if (!context) return null;
  const filter = parseGalleryFilter(await searchParams);
  const [firstPage, facets] = await Promise.all([
    listGallery({ teamId: context.team.id, filter }),
    galleryFacets(context.team.id),
  ]);
  return (
    <Gallery
      key={JSON.stringify(filter)}
      filter={filter}
      firstPage={firstPage}
      facets={facets}
      canPick={can(context.member.role, "review.set")}
    />
  );
}
