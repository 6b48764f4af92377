// GET /api/gallery?q&review&model&author&from&to&minRating&sort&cursor – a page of the team's videos
import { withTeam } from "@/lib/auth/session";
import { parseGalleryFilter } from "@/lib/gallery/filters";
import { listGallery } from "@/lib/gallery/queries";

export const dynamic = "force-dynamic";

export const GET = withTeam(
  async (request, context) => {
    const params = new URL(request.url).searchParams;
    const page = await listGallery({
      teamId: context.team.id,
      filter: parseGalleryFilter(params),
      cursor: params.get("cursor"),
    });
    return Response.json(page, { headers: { "cache-control": "no-store" } });
  },
  { permission: "team.view" },
);
