"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, teamAction, viewerAction } from "@/lib/auth/safe-action";
import { createInvitation, revokeInvitation } from "@/lib/teams/invitations";
import { changeMemberRole, leaveTeam, removeMember } from "@/lib/teams/members";
import { createTeam, switchTeam, updateTeamSettings } from "@/lib/teams/teams";
import {
  changeRoleSchema,
  createTeamSchema,
  invitationIdSchema,
  inviteSchema,
  memberIdSchema,
  switchTeamSchema,
  teamSettingsSchema,
} from "@/lib/teams/teams.validation";
import { idSchema } from "@/lib/validation";

export const switchTeamAction = viewerAction(switchTeamSchema, async ({ teamId }, viewer) => {
  await switchTeam({ sessionId: viewer.sessionId, userId: viewer.user.id, teamId });
  revalidatePath("/", "layout");
});

export const createTeamAction = formAction(
  viewerAction(createTeamSchema, async ({ teamName }, viewer) => {
    const team = await createTeam({ userId: viewer.user.id, name: teamName });
    await switchTeam({ sessionId: viewer.sessionId, userId: viewer.user.id, teamId: team.id });
    revalidatePath("/", "layout");
  }),
);

export const updateTeamSettingsAction = formAction(
  teamAction(teamSettingsSchema, "team.update", async (settings, { team }) => {
    await updateTeamSettings({ teamId: team.id, ...settings });
    revalidatePath("/", "layout");
  }),
);

export const createInvitationAction = formAction(
  teamAction(inviteSchema, "member.manage", async (invite, context) => {
    const invitation = await createInvitation({
      teamId: context.team.id,
      inviterId: context.user.id,
      actorRole: context.member.role,
      ...invite,
    });
    revalidatePath("/settings");
    return { path: `/invite/${invitation.id}`, email: invite.email };
  }),
);

export const revokeInvitationAction = teamAction(
  invitationIdSchema,
  "member.manage",
  async ({ invitationId }, { team }) => {
    await revokeInvitation({ teamId: team.id, invitationId });
    revalidatePath("/settings");
  },
);

export const changeMemberRoleAction = teamAction(
  changeRoleSchema,
  "member.manage",
  async (change, context) => {
    await changeMemberRole({ teamId: context.team.id, actorRole: context.member.role, ...change });
    revalidatePath("/", "layout");
  },
);

export const removeMemberAction = teamAction(
  memberIdSchema,
  "member.manage",
  async ({ memberId }, context) => {
    await removeMember({ teamId: context.team.id, actorRole: context.member.role, memberId });
    revalidatePath("/settings");
  },
);

export const leaveTeamAction = teamAction(z.object({ teamId: idSchema }), null, async (_input, context) => {
  await leaveTeam({ teamId: context.team.id, memberId: context.member.id });
  revalidatePath("/", "layout");
});
