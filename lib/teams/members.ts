import "server-only";
import { canAssignRole, type Role, roleOf } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";

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
  const member = await findMember(options.teamId, options.memberId);
  const from = member.role as Role;
  if (!canAssignRole(options.actorRole, { from, to: options.role })) {
    throw new ForbiddenError("Only an owner can make someone an owner or change an owner's role.");
  }
  if (from === "owner" && options.role !== "owner") await assertAnotherOwner(options.teamId, member.id);
  await db.member.update({
    where: { id: member.id, organizationId: options.teamId },
    data: { role: options.role },
  });
}

export async function removeMember(options: { teamId: string; actorRole: Role; memberId: string }) {
  const member = await findMember(options.teamId, options.memberId);
  if (!canAssignRole(options.actorRole, { from: member.role as Role })) {
    throw new ForbiddenError("Only an owner can remove an owner.");
  }
  if (member.role === "owner") await assertAnotherOwner(options.teamId, member.id);
  await db.member.delete({ where: { id: member.id, organizationId: options.teamId } });
}

export async function leaveTeam(options: { teamId: string; memberId: string }) {
  const member = await findMember(options.teamId, options.memberId);
  if (member.role === "owner") await assertAnotherOwner(options.teamId, member.id);
  await db.member.delete({ where: { id: member.id, organizationId: options.teamId } });
}

async function findMember(teamId: string, memberId: string) {
  // Note: the team id in the where clause is what keeps one team from touching another's members.
  const member = await db.member.findFirst({ where: { id: memberId, organizationId: teamId } });
  if (!member) throw new NotFoundError("That member is not in this team.");
  return member;
}

async function assertAnotherOwner(teamId: string, memberId: string) {
  const otherOwners = await db.member.count({
    where: { organizationId: teamId, role: "owner", id: { not: memberId } },
  });
  if (otherOwners === 0) {
    throw new UserError("A team needs at least one owner. Make someone else an owner first.", {
      status: 409,
    });
  }
}
