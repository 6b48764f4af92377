import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { requireId } from "@/lib/http/text";

export const MAX_OWNED_TEAMS = 10;

/**
 * Creates a team with its creator as owner. Who may: anyone signed in (a member of several teams,
 * like an agency, starts a new one from the team switcher), up to MAX_OWNED_TEAMS teams owned.
 * Note: the studio's action is the only way in (better-auth's organization/create is closed), and
 * the count runs under a per-user lock so parallel requests cannot pass it together.
 */
export async function createTeam(options: { userId: string; name: string }) {
  const teamId = randomUUID();
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`create-team:${options.userId}`}))`;
    const owned = await tx.member.count({ where: { userId: options.userId, role: "owner" } });
    if (owned >= MAX_OWNED_TEAMS) {
      throw new ForbiddenError(
        `You already own ${MAX_OWNED_TEAMS} teams, the most one person may own. Make someone else an owner of one and leave it first.`,
      );
    }
    await tx.organization.create({
      data: { id: teamId, name: options.name, slug: slugFor(options.name), createdAt: now },
    });
    await tx.member.create({
      data: {
        id: randomUUID(),
        organizationId: teamId,
        userId: options.userId,
        role: "owner",
        createdAt: now,
      },
    });
  });
  return { id: teamId, name: options.name };
}

export async function listTeamsForUser(userId: string) {
  const memberships = await db.member.findMany({
    where: { userId },
    include: { organization: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((membership) => ({ ...membership.organization, role: membership.role }));
}

/** Makes `teamId` the session's current team; only a team the user belongs to. */
export async function switchTeam(options: { sessionId: string; userId: string; teamId: string }) {
  const membership = await db.member.findFirst({
    where: { userId: options.userId, organizationId: requireId(options.teamId, "teamId") },
  });
  if (!membership) throw new NotFoundError("That team does not exist or you are not a member of it.");
  await db.session.update({
    where: { id: options.sessionId },
    data: { activeOrganizationId: options.teamId },
  });
}

export async function getTeamSettings(teamId: string) {
  const team = await db.organization.findUniqueOrThrow({
    where: { id: teamId },
    select: { id: true, name: true, monthlyUnitBudget: true },
  });
  return {
    ...team,
    monthlyUnitBudget: team.monthlyUnitBudget === null ? null : Number(team.monthlyUnitBudget),
  };
}

export async function updateTeamSettings(options: {
  teamId: string;
  name: string;
  monthlyUnitBudget: number | null;
}) {
  await db.organization.update({
    where: { id: options.teamId },
    data: { name: options.name, monthlyUnitBudget: options.monthlyUnitBudget },
  });
}

function slugFor(name: string) {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  // Slugs are unique in better-auth's table; a random suffix avoids collisions between same-named teams.
  return `${base || "team"}-${randomBytes(3).toString("hex")}`;
}
