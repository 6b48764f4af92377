// GET /api/generations?active=1 | ?ids=a,b – the current team's generations for the studio's queue
import { withTeam } from "@/lib/auth/session";
import { type GetGenerationsResponse, listGenerationsForPolling } from "@/lib/generations/queries";
import { ID_PATTERN } from "@/lib/validation";

export const dynamic = "force-dynamic";

const MAX_IDS = 100;

export const GET = withTeam(
  async (request, context) => {
    const params = new URL(request.url).searchParams;
    const ids = params.get("ids")?.split(",").filter(Boolean);
    if (ids && ids.length > MAX_IDS)
      return Response.json({ error: `ids: at most ${MAX_IDS} per request`, field: "ids" }, { status: 400 });
    if (ids?.some((id) => !ID_PATTERN.test(id)))
      return Response.json(
        { error: "ids must be ids (1–64 letters, digits, - or _)", field: "ids" },
        { status: 400 },
      );
    const generations = await listGenerationsForPolling({
      teamId: context.team.id,
      active: params.get("active") === "1",
      ids,
    });
    const body: GetGenerationsResponse = { generations };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  },
  { permission: "team.view" },
);
