"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { useTeamScope } from "@/components/team-scope";
import { Button } from "@/components/ui/button";
import { canAssignRole, ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import { changeMemberRoleAction, leaveTeamAction, removeMemberAction } from "@/lib/teams/actions";

interface MemberRow {
  id: string;
  role: Role;
  joinedAt: string;
  user: { id: string; name: string; email: string };
}

export function MembersPanel({
  members,
  currentMemberId,
  actorRole,
}: {
  members: MemberRow[];
  currentMemberId: string;
  actorRole: Role;
}) {
  const scope = useTeamScope();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<{ ok: boolean; error?: string }>, success: string) =>
    startTransition(async () => {
      const result = await work();
      if (result.ok) toast.success(success);
      else toast.error(result.error);
      router.refresh();
    });

  return (
    <section aria-labelledby="members-heading" className="rounded-xl border border-line bg-panel p-6">
      <h2 id="members-heading" className="mb-4 text-lg font-semibold">
        Members <span className="text-sm font-normal text-muted">({members.length})</span>
      </h2>
      <ul className="divide-y divide-line">
        {members.map((member) => {
          const self = member.id === currentMemberId;
          const manageable = !self && canAssignRole(actorRole, { from: member.role });
          return (
            <li
              key={member.id}
              className="flex flex-wrap items-center gap-3 py-3"
              data-testid={`member-${member.user.email}`}
            >
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">
                  {member.user.name} {self && <span className="text-xs text-muted">(you)</span>}
                </p>
                <p className="truncate text-sm text-muted">{member.user.email}</p>
              </div>
              {manageable ? (
                <>
                  <label className="sr-only" htmlFor={`role-${member.id}`}>
                    Role of {member.user.name}
                  </label>
                  <select
                    id={`role-${member.id}`}
                    value={member.role}
                    disabled={pending}
                    onChange={(event) =>
                      run(
                        () =>
                          changeMemberRoleAction({
                            ...scope,
                            memberId: member.id,
                            role: event.target.value as Role,
                          }),
                        `${member.user.name} is now ${event.target.value}`,
                      )
                    }
                    className="rounded-md border border-line bg-surface px-2 py-1.5 text-sm"
                  >
                    {ROLES.filter((role) => canAssignRole(actorRole, { from: member.role, to: role })).map(
                      (role) => (
                        <option key={role} value={role}>
                          {ROLE_LABELS[role]}
                        </option>
                      ),
                    )}
                  </select>
                  <Button
                    variant="danger"
                    disabled={pending}
                    onClick={() => {
                      if (confirm(`Remove ${member.user.name} from the team?`))
                        run(
                          () => removeMemberAction({ ...scope, memberId: member.id }),
                          `${member.user.name} was removed`,
                        );
                    }}
                  >
                    Remove
                  </Button>
                </>
              ) : (
                <span className="rounded bg-raised px-2 py-1 text-xs">{ROLE_LABELS[member.role]}</span>
              )}
              {self && (
                <Button
                  variant="ghost"
                  disabled={pending}
                  onClick={() => {
                    if (confirm("Leave this team? You will need a new invitation to come back."))
                      run(() => leaveTeamAction(scope), "You left the team");
                  }}
                >
                  Leave team
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
