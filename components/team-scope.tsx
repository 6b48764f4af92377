"use client";

import { createContext, useContext } from "react";

// The team a studio page was rendered for. Every team-scoped action sends it (lib/auth/safe-action.ts),
// so a tab left open on team A acts on A, or is refused, even after another tab switched to B.
const TeamScopeContext = createContext<{ teamId: string } | null>(null);

export function TeamScopeProvider({ teamId, children }: { teamId: string; children: React.ReactNode }) {
  return <TeamScopeContext.Provider value={{ teamId }}>{children}</TeamScopeContext.Provider>;
}

/** `{ teamId }` to spread into a team action's input. */
export function useTeamScope(): { teamId: string } {
  const scope = useContext(TeamScopeContext);
  if (!scope) throw new Error("useTeamScope outside a studio page (TeamScopeProvider missing)");
  return scope;
}

/** The same for a `<form action>`: a hidden field the form submits. */
export function TeamScopeField() {
  return <input type="hidden" name="teamId" value={useTeamScope().teamId} />;
}
