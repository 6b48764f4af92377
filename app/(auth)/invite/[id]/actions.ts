"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/instance";
import { getViewer } from "@/lib/auth/session";
import { createUserWithPassword } from "@/lib/auth/users";
import { signUpWithInviteSchema } from "@/lib/auth/validation";
import {
  type ActionResult,
  submittedValues,
  toActionResult,
  UnauthenticatedError,
  validationFailure,
} from "@/lib/errors";
import { acceptInvitation, getInvitationForAcceptance } from "@/lib/teams/invitations";
import { switchTeam } from "@/lib/teams/teams";

/** A signed-in person joins with the invitation. */
export async function acceptInviteAction(invitationId: string): Promise<ActionResult> {
  const result = await toActionResult(async () => {
    const viewer = await getViewer();
    if (!viewer) throw new UnauthenticatedError();
    const joined = await acceptInvitation({ invitationId, user: viewer.user });
    await switchTeam({ sessionId: viewer.sessionId, userId: viewer.user.id, teamId: joined.teamId });
    return undefined;
  });
  if (!result.ok) return result;
  redirect("/");
}

/** A newcomer creates an account for the invited address, is signed in, and joins. */
export async function signUpWithInviteAction(
  invitationId: string,
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult> {
  const parsed = signUpWithInviteSchema.safeParse({
    name: formData.get("name"),
    password: formData.get("password"),
  });
  if (!parsed.success) return validationFailure(parsed.error, formData);
  const result = await toActionResult(async () => {
    const invitation = await getInvitationForAcceptance(invitationId);
    const auth = getAuth();
    const user = await createUserWithPassword(auth, { ...parsed.data, email: invitation.email });
    await acceptInvitation({ invitationId, user });
    await auth.api.signInEmail({
      body: { email: invitation.email, password: parsed.data.password },
      headers: await headers(),
    });
    return undefined;
  });
  if (!result.ok) return { ...result, values: submittedValues(formData) };
  redirect("/");
}
