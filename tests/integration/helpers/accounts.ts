import type { Auth } from "../../../lib/auth/auth";
import type { Role } from "../../../lib/auth/permissions";
import { createUserWithPassword } from "../../../lib/auth/users";
import { db } from "../../../lib/db";
import { createTeam } from "../../../lib/teams/teams";

export const PASSWORD = "correct horse 42";

/** A user with a password, signed in: returns the headers (session cookie) their requests carry. */
export async function signedInUser(auth: Auth, email: string, name = email.split("@")[0]) {
  const user = await createUserWithPassword(auth, { name, email, password: PASSWORD });
  const headers = await signIn(auth, email);
  return { user, headers };
}

export async function signIn(auth: Auth, email: string, password = PASSWORD) {
  const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((setCookie) => setCookie.split(";")[0])
    .join("; ");
  return new Headers({ cookie });
}

/** A team with an owner, plus members with the given roles, all signed in. */
export async function teamWith(auth: Auth, name: string, roles: Role[] = []) {
  const slug = name.toLowerCase().replace(/\W+/g, "-");
  const owner = await signedInUser(auth, `owner@${slug}.test`);
  const team = await createTeam({ userId: owner.user.id, name });
  const members: Record<string, { user: { id: string; email: string }; headers: Headers; memberId: string }> =
    {};
  for (const role of roles) {
    const person = await signedInUser(auth, `${role}@${slug}.test`);
    const member = await db.member.create({
      data: {
        id: crypto.randomUUID(),
        organizationId: team.id,
        userId: person.user.id,
        role,
        createdAt: new Date(),
      },
    });
    members[role] = { ...person, memberId: member.id };
  }
  const ownerMember = await db.member.findFirstOrThrow({
    where: { organizationId: team.id, userId: owner.user.id },
  });
  return { team, owner: { ...owner, memberId: ownerMember.id }, members };
}
