// GET /api/me – the signed-in person, their current team, role and what that role may do
import { can, PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { type TeamContext, withTeam } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export const GET = withTeam(async (_request, context) => Response.json(getMe(context)));

export type GetMeResponse = ReturnType<typeof getMe>;

function getMe(context: TeamContext) {
  return {
    user: context.user,
    team: context.team,
    role: context.member.role,
    permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((permission) =>
      can(context.member.role, permission),
    ),
  };
}
