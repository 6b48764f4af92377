// GET /api/videos/:id/comments?before – an earlier page of a video's comments, to members of its team
import { withTeam } from "@/lib/auth/session";
import { listComments } from "@/lib/review/comments";

export const dynamic = "force-dynamic";

export const GET = withTeam<{ id: string }>(
  async (request, context, route) => {
    const page = await listComments({
      teamId: context.team.id,
      generationId: (await route.params).id,
      before: new URL(request.url).searchParams.get("before"),
    });
    return Response.json(page, { headers: { "cache-control": "no-store" } });
  },
  { permission: "team.view" },
);

export type { CommentsPage as GetCommentsResponse } from "@/lib/review/comments";
