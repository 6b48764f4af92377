import type { Metadata } from "next";
import { AccountPanel } from "@/components/settings/account-panel";
import { InvitationsPanel } from "@/components/settings/invitations-panel";
import { MembersPanel } from "@/components/settings/members-panel";
import { TeamSettingsForm } from "@/components/settings/team-settings-form";
import { listSessions } from "@/lib/account/account";
import { can } from "@/lib/auth/permissions";
import { requirePageTeam } from "@/lib/auth/session";
import { listPendingInvitations } from "@/lib/teams/invitations";
import { listMembers } from "@/lib/teams/members";
import { getTeamSettings } from "@/lib/teams/teams";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const context = await requirePageTeam("team.view");
  if (!context) return null;
  const manage = can(context.member.role, "member.manage");
  const [settings, members, invitations, sessions] = await Promise.all([
    getTeamSettings(context.team.id),
    listMembers(context.team.id),
    manage ? listPendingInvitations(context.team.id) : Promise.resolve([]),
    listSessions({ userId: context.user.id, currentSessionId: context.sessionId }),
  ]);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">Team settings</h1>
        <p className="text-sm text-muted">
          {context.team.name} · you are {context.member.role}
        </p>
      </header>
      <TeamSettingsForm
        name={settings.name}
        monthlyUnitBudget={settings.monthlyUnitBudget}
        editable={can(context.member.role, "team.update")}
      />
      <MembersPanel
        members={members.map((member) => ({ ...member, joinedAt: member.joinedAt.toISOString() }))}
        currentMemberId={context.member.id}
        actorRole={context.member.role}
      />
      {manage && (
        <InvitationsPanel
          actorRole={context.member.role}
          invitations={invitations.map((invitation) => ({
            id: invitation.id,
            email: invitation.email,
            role: invitation.role ?? "viewer",
            expiresAt: invitation.expiresAt.toISOString(),
            inviterName: invitation.inviter.name,
          }))}
        />
      )}
      <AccountPanel name={context.user.name} sessions={sessions} />
    </div>
  );
}
