import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { INVITATION_LIFETIME_S } from "@/lib/auth/auth";
import { canAssignRole, type Role, roleOf } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, UserError } from "@/lib/errors";
import { requireId } from "@/lib/http/text";

/**
 * Invitations without an email server: an admin gets a link to hand over. The invitation id is
 * the link's secret (192 random bits), valid for 7 days and for one use.
 */
export async function createInvitation(options: {
  teamId: string;
  inviterId: string;
  actorRole: Role;
  email: string;
  role: Role;
}) {
  if (!canAssignRole(options.actorRole, { to: options.role })) {
    throw new ForbiddenError("Only an owner can invite another owner.");
  }
  const alreadyMember = await db.member.findFirst({
    where: { organizationId: options.teamId, user: { email: options.email } },
  });
  if (alreadyMember)
    throw new UserError(`${options.email} is already a member of this team.`, {
      status: 409,
      field: "email",
    });
  // A new link replaces any pending one for the same address.
  await db.invitation.updateMany({
    where: { organizationId: options.teamId, email: options.email, status: "pending" },
    data: { status: "canceled" },
  });
  const invitation = await db.invitation.create({
    data: {
      id: randomBytes(24).toString("base64url"),
      organizationId: options.teamId,
      email: options.email,
      role: options.role,
      status: "pending",
      inviterId: options.inviterId,
      expiresAt: new Date(Date.now() + INVITATION_LIFETIME_S * 1000),
    },
  });
  return { id: invitation.id, expiresAt: invitation.expiresAt };
}

export async function listPendingInvitations(teamId: string) {
  return db.invitation.findMany({
    where: { organizationId: teamId, status: "pending", expiresAt: { gt: new Date() } },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      createdAt: true,
      inviter: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeInvitation(options: { teamId: string; invitationId: string }) {
  const result = await db.invitation.updateMany({
    where: {
      id: requireId(options.invitationId, "invitationId"),
      organizationId: options.teamId,
      status: "pending",
    },
    data: { status: "canceled" },
  });
  if (result.count === 0) throw new NotFoundError("That invitation does not exist or is no longer pending.");
}

export type InvitationView = Awaited<ReturnType<typeof getInvitationForAcceptance>>;

/** What the invitation page shows; refuses with a clear message for every unusable state. */
export async function getInvitationForAcceptance(invitationId: string) {
  const invitation = await db.invitation.findUnique({
    where: { id: requireId(invitationId, "invitationId") },
    include: { organization: { select: { id: true, name: true } }, inviter: { select: { name: true } } },
  });
  if (!invitation) throw new NotFoundError("This invitation link is not valid. Ask for a new one.");
  if (invitation.status === "accepted")
    throw new UserError("This invitation has already been used. Sign in instead.", { status: 410 });
  if (invitation.status === "canceled" || invitation.status === "rejected") {
    throw new UserError("This invitation was revoked. Ask the team's admin for a new one.", { status: 410 });
  }
  if (invitation.expiresAt <= new Date()) {
    throw new UserError("This invitation has expired. Ask the team's admin for a new one.", { status: 410 });
  }
  const accountExists = (await db.user.count({ where: { email: invitation.email } })) > 0;
  return {
    id: invitation.id,
    email: invitation.email,
    role: roleOf(invitation.role),
    team: invitation.organization,
    inviterName: invitation.inviter.name,
    expiresAt: invitation.expiresAt,
    accountExists,
  };
}

/** Joins the team. Single use: the status flips from pending exactly once, whoever races. */
export async function acceptInvitation(options: {
  invitationId: string;
  user: { id: string; email: string };
}) {
  const invitation = await getInvitationForAcceptance(options.invitationId);
  if (invitation.email !== options.user.email.toLowerCase()) {
    throw new ForbiddenError(
      `This invitation is for ${invitation.email}, but you are signed in as ${options.user.email}. Sign out and use the invited address.`,
    );
  }
  return db.$transaction(async (tx) => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, status: "pending", expiresAt: { gt: new Date() } },
      data: { status: "accepted" },
    });
    if (claimed.count === 0)
      throw new UserError("This invitation has already been used. Sign in instead.", { status: 409 });
    const existing = await tx.member.findFirst({
      where: { organizationId: invitation.team.id, userId: options.user.id },
    });
    if (!existing) {
      await tx.member.create({
        data: {
          id: randomUUID(),
          organizationId: invitation.team.id,
          userId: options.user.id,
          role: invitation.role,
          createdAt: new Date(),
        },
      });
    }
    return { teamId: invitation.team.id, teamName: invitation.team.name, role: invitation.role };
  });
}
