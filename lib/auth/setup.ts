import "server-only";
import type { Auth } from "@/lib/auth/auth";
import { createUserWithPassword } from "@/lib/auth/users";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { createTeam } from "@/lib/teams/teams";

export async function needsSetup(): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/**
 * First run: the first account and the first team. Serialized by an advisory lock so two people
 * racing through /setup cannot both become the first owner.
 */
export async function completeSetup(
  auth: Auth,
  input: { name: string; email: string; password: string; teamName: string },
) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('kling-studio:setup'))`;
    if ((await tx.user.count()) > 0)
      throw new NotFoundError("This studio is already set up. Sign in instead.");
    const user = await createUserWithPassword(auth, input);
    try {
      const team = await createTeam({ userId: user.id, name: input.teamName });
      return { userId: user.id, teamId: team.id };
    } catch (error) {
      // Without its team the first account would lock /setup behind a studio nobody can use.
      await db.user.delete({ where: { id: user.id } });
      throw error;
    }
  });
}
