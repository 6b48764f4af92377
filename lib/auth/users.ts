import "server-only";
import type { Auth } from "@/lib/auth/auth";
import { UserError } from "@/lib/errors";

/**
 * Creates an email + password account through better-auth's own adapter and hasher. Public
 * sign-up is disabled, so this is the only way in: first-run setup and accepted invitations.
 */
export async function createUserWithPassword(
  auth: Auth,
  input: { name: string; email: string; password: string },
) {
  const context = await auth.$context;
  if (await context.internalAdapter.findUserByEmail(input.email)) {
    throw new UserError(`An account with ${input.email} already exists. Sign in instead.`, {
      status: 409,
      field: "email",
    });
  }
  const user = await context.internalAdapter.createUser(
    { name: input.name, email: input.email, emailVerified: false },
    { method: "email-password" },
  );
  await context.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await context.password.hash(input.password),
  });
  return user;
}
