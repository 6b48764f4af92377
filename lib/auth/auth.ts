import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { organization } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/organization/access";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { requestOrigin } from "@/lib/http/forwarded";

export const SESSION_COOKIE = "kling_studio";
const INVITATION_LIFETIME_S = 7 * 24 * 60 * 60;

/**
 * better-auth, configured for the studio. Accounts are created only by our own flows (first-run
 * setup and invitations, lib/auth/users.ts), so public sign-up is off; sign-in goes through
 * server actions that add our own throttle (lib/auth/throttle.ts).
 */
export function createAuth(options: {
  prisma: PrismaClient;
  secret: string;
  publicUrl?: string;
  trustProxy?: boolean;
}) {
  // Roles for the organization plugin's own endpoints, mirroring lib/auth/permissions.ts.
  const ac = createAccessControl(defaultStatements);
  const manager = ac.newRole({
    organization: ["update"],
    member: ["create", "update", "delete"],
    invitation: ["create", "cancel"],
  });
  const noManagement = ac.newRole({ organization: [], member: [], invitation: [] });
  const secure = options.publicUrl?.startsWith("https://") ?? false;

  return betterAuth({
    appName: "Kling Studio",
    secret: options.secret,
    baseURL: options.publicUrl,
    database: prismaAdapter(options.prisma, { provider: "postgresql" }),
    telemetry: { enabled: false },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    // Note: sign-in only through our server action, which applies the per-email throttle; the
    // HTTP endpoint would be a way around it.
    disabledPaths: ["/sign-in/email", "/sign-up/email"],
    session: { expiresIn: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    // Note: same-origin requests only; the request's own origin is trusted so the studio works on
    // whatever host name it is reached by, while cross-site form posts are still refused.
    trustedOrigins: (request) => [
      options.publicUrl,
      request ? requestOrigin(request.headers, { trustProxy: options.trustProxy ?? false }) : undefined,
    ],
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 5 } },
    },
    advanced: {
      useSecureCookies: secure,
      cookiePrefix: SESSION_COOKIE,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
    },
    plugins: [
      organization({
        ac,
        roles: {
          owner: manager,
          admin: manager,
          creator: noManagement,
          reviewer: noManagement,
          viewer: noManagement,
        },
        creatorRole: "owner",
        invitationExpiresIn: INVITATION_LIFETIME_S,
        cancelPendingInvitationsOnReInvite: true,
      }),
      nextCookies(), // must stay last: lets server actions set the session cookie
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
export { INVITATION_LIFETIME_S };
