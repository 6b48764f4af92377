"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getViewer } from "@/lib/auth/session";
import { teamNameSchema } from "@/lib/auth/validation";
import { type ActionResult, toActionResult, UnauthenticatedError, validationFailure } from "@/lib/errors";
import { createTeam, switchTeam } from "@/lib/teams/teams";

export async function switchTeamAction(teamId: string): Promise<ActionResult> {
  return toActionResult(async () => {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    await switchTeam({ sessionId: viewer.sessionId, userId: viewer.user.id, teamId: String(teamId) });
    revalidatePath("/", "layout");
    return undefined;
  });
}

export async function createTeamAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const parsed = z.object({ teamName: teamNameSchema }).safeParse({ teamName: formData.get("teamName") });
  if (!parsed.success) return validationFailure(parsed.error, formData);
  return toActionResult(async () => {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    const team = await createTeam({ userId: viewer.user.id, name: parsed.data.teamName });
    await switchTeam({ sessionId: viewer.sessionId, userId: viewer.user.id, teamId: team.id });
    revalidatePath("/", "layout");
    return undefined;
  });
}
