"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { requireTeam } from "@/lib/auth/session";
import { budgetSchema, inviteSchema, teamNameSchema } from "@/lib/auth/validation";
import { type ActionResult, toActionResult, validationFailure } from "@/lib/errors";
import { createInvitation, revokeInvitation } from "@/lib/teams/invitations";
import { changeMemberRole, leaveTeam, removeMember } from "@/lib/teams/members";
import { updateTeamSettings } from "@/lib/teams/teams";

const teamSettingsSchema = z.object({ name: teamNameSchema, monthlyUnitBudget: budgetSchema });

export async function updateTeamSettingsAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const parsed = teamSettingsSchema.safeParse({
    name: formData.get("name"),
    monthlyUnitBudget: formData.get("monthlyUnitBudget") ?? "",
  });
  if (!parsed.success) return validationFailure(parsed.error, formData);
  return toActionResult(async () => {
    const { team } = await requireTeam("team.update");
    await updateTeamSettings({ teamId: team.id, ...parsed.data });
    revalidatePath("/", "layout");
    return undefined;
  });
}

export async function createInvitationAction(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ path: string; email: string } | undefined>> {
  const parsed = inviteSchema.safeParse({ email: formData.get("email"), role: formData.get("role") });
  if (!parsed.success) return validationFailure(parsed.error, formData);
  return toActionResult(async () => {
    const context = await requireTeam("member.manage");
    const invitation = await createInvitation({
      teamId: context.team.id,
      inviterId: context.user.id,
      actorRole: context.member.role,
      ...parsed.data,
    });
    revalidatePath("/settings");
    return { path: `/invite/${invitation.id}`, email: parsed.data.email };
  });
}

export async function revokeInvitationAction(invitationId: string): Promise<ActionResult> {
  return toActionResult(async () => {
    const { team } = await requireTeam("member.manage");
    await revokeInvitation({ teamId: team.id, invitationId: String(invitationId) });
    revalidatePath("/settings");
    return undefined;
  });
}

const roleSchema = z.enum(ROLES, { error: `Role must be one of ${ROLES.join(", ")}` });

export async function changeMemberRoleAction(memberId: string, role: string): Promise<ActionResult> {
  const parsedRole = roleSchema.safeParse(role);
  if (!parsedRole.success) return { ok: false, error: parsedRole.error.issues[0].message, field: "role" };
  return toActionResult(async () => {
    const context = await requireTeam("member.manage");
    await changeMemberRole({
      teamId: context.team.id,
      actorRole: context.member.role,
      memberId: String(memberId),
      role: parsedRole.data,
    });
    revalidatePath("/", "layout");
    return undefined;
  });
}

export async function removeMemberAction(memberId: string): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await requireTeam("member.manage");
    await removeMember({
      teamId: context.team.id,
      actorRole: context.member.role,
      memberId: String(memberId),
    });
    revalidatePath("/settings");
    return undefined;
  });
}

export async function leaveTeamAction(): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await requireTeam();
    await leaveTeam({ teamId: context.team.id, memberId: context.member.id });
    revalidatePath("/", "layout");
    return undefined;
  });
}
