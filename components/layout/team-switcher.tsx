"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { switchTeamAction } from "@/lib/teams/actions";

export function TeamSwitcher({
  teams,
  currentTeamId,
  role,
}: {
  teams: Array<{ id: string; name: string }>;
  currentTeamId: string;
  role: string;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="team-switcher" className="sr-only">
        Current team
      </label>
      <select
        id="team-switcher"
        value={currentTeamId}
        disabled={pending}
        onChange={(event) => {
          const teamId = event.target.value;
          startTransition(async () => {
            const result = await switchTeamAction({ teamId });
            if (!result.ok) toast.error(result.error);
            router.refresh();
          });
        }}
        className="max-w-[7rem] truncate sm:max-w-[10rem] rounded-md border border-line bg-panel px-2 py-1.5 text-sm"
      >
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      <span
        className="hidden rounded bg-raised px-1.5 py-0.5 text-xs capitalize text-muted sm:inline"
        data-testid="current-role"
      >
        {role}
      </span>
    </div>
  );
}
