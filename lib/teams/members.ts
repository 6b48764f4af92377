import "server-only";
import { canAssignRole, type Role, roleOf } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireId } from "@/lib/http/text";
import { withTeamLock } from "@/lib/teams/lock";

export async function listMembers(teamId: string) {
  const members = await db.member.findMany({
    where: { organizationId: teamId },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return members.map((member) => ({
    id: member.id,
    role: roleOf(member.role),
    joinedAt: member.createdAt,
    user: member.user,
  }));
}

export async function changeMemberRole(options: {
  teamId: string;
  actorRole: Role;
  memberId: string;
  role: Role;
}) {
  await withTeamLock(options.teamId, async (tx) => {
    const member = await findMember(tx, options.teamId, options.memberId);
    const from = member.role as Role;
    if (!canAssignRole(options.actorRole, { from, to: options.role })) {
      throw new ForbiddenError("Only an owner can make someone an owner or change an owner's role.");
    }
    if (from === "owner" && options.role !== "owner") await assertAnotherOwner(tx, options.teamId, member.id);
    await tx.member.update({
      where: { id: member.id, organizationId: options.teamId },
      data: { role: options.role },
    });
  });
}

export async function removeMember(options: { teamId: string; actorRole: Role; memberId: string }) {
  await withTeamLock(options.teamId, async (tx) => {
    const member = await findMember(tx, options.teamId, options.memberId);
    if (!canAssignRole(options.actorRole, { from: member.role as Role })) {
      throw new ForbiddenError("Only an owner can remove an owner.");
    }
    if (member.role === "owner") await assertAnotherOwner(tx, options.teamId, member.id);
    await tx.member.delete({ where: { id: member.id, organizationId: options.teamId } });
  });
}

export async function leaveTeam(options: { teamId: string; memberId: string }) {
  await withTeamLock(options.teamId, async (tx) => {
    const member = await findMember(tx, options.teamId, options.memberId);
    if (member.role === "owner") await assertAnotherOwner(tx, options.teamId, member.id);
    await tx.member.delete({ where: { id: member.id, organizationId: options.teamId } });
  });
}

async function findMember(tx: Prisma.TransactionClient, teamId: string, memberId: string) {
  // Note: the team id in the where clause is what keeps one team from touching another's members.
  const member = await tx.member.findFirst({
    where: { id: requireId(memberId, "memberId"), organizationId: teamId },
  });
  if (!member) throw new NotFoundError("That member is not in this team.");
  return member;
}

async function assertAnotherOwner(tx: Prisma.TransactionClient, teamId: string, memberId: string) {
  const otherOwners = await tx.member.count({
    where: { organizationId: teamId, role: "owner", id: { not: memberId } },
  });
  if (otherOwners === 0) {
    throw new UserError("A team needs at least one owner. Make someone else an owner first.", {
      status: 409,
    });
  }
}
