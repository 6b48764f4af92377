"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { setupSchema, signInSchema, signUpWithInviteSchema } from "@/lib/auth/auth.validation";
import { getAuth } from "@/lib/auth/instance";
import { safeNext } from "@/lib/auth/redirect";
import { formAction, publicAction, viewerAction } from "@/lib/auth/safe-action";
import { completeSetup } from "@/lib/auth/setup";
import { clearSignInAttempts, consumeSignInAttempt } from "@/lib/auth/throttle";
import { createUserWithPassword } from "@/lib/auth/users";
import { UserError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/forwarded";
import { acceptInvitation, getInvitationForAcceptance } from "@/lib/teams/invitations";
import { switchTeam } from "@/lib/teams/teams";
import { invitationIdSchema } from "@/lib/teams/teams.validation";

export const setupAction = formAction(
  publicAction(setupSchema, async (setup) => {
    const auth = getAuth();
    await completeSetup(auth, setup);
    await auth.api.signInEmail({
      body: { email: setup.email, password: setup.password },
      headers: await headers(),
    });
    redirect("/");
  }),
);

export const signInAction = formAction(
  publicAction(signInSchema.extend({ next: z.string().optional() }), async ({ next, ...credentials }) => {
    const requestHeaders = await headers();
    await consumeSignInAttempt(credentials.email, clientAddress(requestHeaders));
    try {
      await getAuth().api.signInEmail({ body: credentials, headers: requestHeaders });
    } catch (error) {
      // Note: not `instanceof APIError`. The auth instance is a process-wide singleton, and when a
      // route handler's bundle created it, its errors come from that bundle's copy of better-auth.
      if (isAPIError(error) && error.status === "UNAUTHORIZED")
        throw new UserError("Wrong email or password.");
      throw error;
    }
    await clearSignInAttempts(credentials.email);
    redirect(safeNext(next ?? null));
  }),
);

export async function signOut() {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/sign-in");
}

/** A signed-in person joins with the invitation. */
export const acceptInviteAction = viewerAction(invitationIdSchema, async ({ invitationId }, viewer) => {
  const joined = await acceptInvitation({ invitationId, user: viewer.user });
  await switchTeam({ sessionId: viewer.sessionId, userId: viewer.user.id, teamId: joined.teamId });
  redirect("/");
});

/** A newcomer creates an account for the invited address, is signed in, and joins. */
export const signUpWithInviteAction = formAction(
  publicAction(
    signUpWithInviteSchema.extend(invitationIdSchema.shape),
    async ({ invitationId, ...account }) => {
      const invitation = await getInvitationForAcceptance(invitationId);
      const auth = getAuth();
      const user = await createUserWithPassword(auth, { ...account, email: invitation.email });
      await acceptInvitation({ invitationId, user });
      await auth.api.signInEmail({
        body: { email: invitation.email, password: account.password },
        headers: await headers(),
      });
      redirect("/");
    },
  ),
);
