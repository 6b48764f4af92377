// GET /api/templates?q= – the current team's prompt library (live templates, most used first)
import { withTeam } from "@/lib/auth/session";
import { listTemplates } from "@/lib/templates/templates";

export const dynamic = "force-dynamic";

async function getTemplates(request: Request, context: Parameters<Parameters<typeof withTeam>[0]>[1]) {
  return listTemplates({
    teamId: context.team.id,
    member: { userId: context.user.id, role: context.member.role },
    q: new URL(request.url).searchParams.get("q") ?? undefined,
  });
}

export const GET = withTeam(
  async (request, context) =>
    Response.json(
      { templates: await getTemplates(request, context) },
      { headers: { "cache-control": "no-store" } },
    ),
  { permission: "team.view" },
);
