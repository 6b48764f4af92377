import "server-only";
import { headers as nextHeaders } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/instance";
import { can, PERMISSION_LABELS, type Permission, type Role, roleOf } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError, UnauthenticatedError, UserError } from "@/lib/errors";

export interface Viewer {
  user: { id: string; name: string; email: string };
  sessionId: string;
  activeTeamId: string | null;
}

export interface TeamContext extends Viewer {
  team: { id: string; name: string; slug: string };
  member: { id: string; role: Role };
}

export class NoTeamError extends ForbiddenError {
  constructor() {
    super("You are not a member of any team yet. Create a team or ask an admin for an invitation.");
  }
}

/** The signed-in person, or null. */
export async function getViewer(requestHeaders?: Headers): Promise<Viewer | null> {
  const session = await getAuth().api.getSession({ headers: requestHeaders ?? (await nextHeaders()) });
  if (!session) return null;
  return {
    user: { id: session.user.id, name: session.user.name, email: session.user.email },
    sessionId: session.session.id,
    activeTeamId: (session.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? null,
  };
}

/**
 * The one authorization helper: resolves session, current team and role, and refuses with 401
 * (not signed in) or 403 (role lacks the permission). Every team-scoped route handler and server
 * action starts here, and passes `team.id` into every query it makes.
 */
export async function resolveTeamContext(
  requestHeaders: Headers,
  permission?: Permission,
  renderedTeamId?: string,
): Promise<TeamContext> {
  const viewer = await getViewer(requestHeaders);
  if (!viewer) throw new UnauthenticatedError();
  const membership = renderedTeamId
    ? await findMembershipIn(viewer, renderedTeamId)
    : await findCurrentMembership(viewer);
  if (!membership) throw new NoTeamError();
  const role = roleOf(membership.role);
  if (permission && !can(role, permission)) {
    throw new ForbiddenError(
      `Your role in ${membership.organization.name} is ${role}, which cannot ${PERMISSION_LABELS[permission]}. Ask an admin or owner to change your role.`,
    );
  }
  return {
    ...viewer,
    activeTeamId: membership.organizationId,
    team: {
      id: membership.organization.id,
      name: membership.organization.name,
      slug: membership.organization.slug,
    },
    member: { id: membership.id, role },
  };
}

/**
 * For server actions and pages: the same check, reading the current request's headers. Actions
 * pass the team their page was rendered for; pages use the session's current team.
 */
export async function requireTeam(permission?: Permission, renderedTeamId?: string): Promise<TeamContext> {
  return resolveTeamContext(await nextHeaders(), permission, renderedTeamId);
}

export class NotAMemberError extends ForbiddenError {
  constructor() {
    super(
      "You are no longer a member of the team this page was showing, so nothing was changed. Reload the page to continue.",
    );
  }
}

/**
 * The caller's membership in the team a page was rendered for. Note: the same refusal whether the
 * team exists or not, so a team id reveals nothing.
 */
async function findMembershipIn(viewer: Viewer, teamId: string) {
  const membership = await db.member.findFirst({
    where: { userId: viewer.user.id, organizationId: teamId },
    include: { organization: true },
  });
  if (!membership) throw new NotAMemberError();
  return membership;
}

type RouteHandler<P> = (
  request: Request,
  context: TeamContext,
  route: { params: Promise<P> },
) => Promise<Response>;

/** For route handlers: answers 401/403/404 as JSON `{ error }` instead of running the handler. */
export function withTeam<P = Record<string, string>>(
  handler: RouteHandler<P>,
  options: { permission?: Permission } = {},
) {
  return async (request: Request, route: { params: Promise<P> }) => {
    try {
      const context = await resolveTeamContext(request.headers, options.permission);
      return await handler(request, context, route);
    } catch (error) {
      if (error instanceof UserError)
        return Response.json(
          error.field ? { error: error.message, field: error.field } : { error: error.message },
          { status: error.status },
        );
      throw error;
    }
  };
}

async function findCurrentMembership(viewer: Viewer) {
  const include = { organization: true } as const;
  if (viewer.activeTeamId) {
    const active = await db.member.findFirst({
      where: { userId: viewer.user.id, organizationId: viewer.activeTeamId },
      include,
    });
    if (active) return active;
  }
  // No (valid) active team: fall back to the oldest membership and remember it.
  const first = await db.member.findFirst({
    where: { userId: viewer.user.id },
    orderBy: { createdAt: "asc" },
    include,
  });
  if (first)
    await db.session.update({
      where: { id: viewer.sessionId },
      data: { activeOrganizationId: first.organizationId },
    });
  return first;
}

/**
 * For pages: the same check, but a signed-out visitor is sent to sign in and a person without a
 * team gets null (the layout shows them how to get one) instead of an error being thrown.
 */
export async function requirePageTeam(permission?: Permission): Promise<TeamContext | null> {
  try {
    return await requireTeam(permission);
  } catch (error) {
    if (error instanceof UnauthenticatedError) redirect("/sign-in");
    if (error instanceof NoTeamError) return null;
    throw error;
  }
}
