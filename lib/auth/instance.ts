import "server-only";
import { type Auth, createAuth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";

const globalForAuth = globalThis as unknown as { auth?: Auth };

/** The process-wide better-auth instance, created on first use (not at import: `next build`). */
export function getAuth(): Auth {
  if (!globalForAuth.auth) {
    const env = serverEnv();
    if (!env.BETTER_AUTH_SECRET)
      throw new Error("BETTER_AUTH_SECRET is not set (the launcher generates one)");
    globalForAuth.auth = createAuth({
      prisma: db,
      secret: env.BETTER_AUTH_SECRET,
      publicUrl: env.PUBLIC_URL,
      trustProxy: env.TRUST_PROXY,
    });
  }
  return globalForAuth.auth;
}
