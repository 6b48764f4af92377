import "server-only";
import { isAPIError } from "better-auth/api";
import type { Auth } from "@/lib/auth/auth";
import { db } from "@/lib/db";
import { NotFoundError, UserError } from "@/lib/errors";

// What better-auth's closed HTTP endpoints (update-user, change-password, list-sessions,
// revoke-session) offered, with the studio's rules: names and passwords are parsed by the studio's
// schemas first, and no answer carries a session token.

export async function changeDisplayName(options: { userId: string; name: string }) {
  await db.user.update({ where: { id: options.userId }, data: { name: options.name } });
}

/** Checks the current password, sets the new one and ends every other session of this person. */
export async function changePassword(options: {
  auth: Auth;
  headers: Headers;
  currentPassword: string;
  newPassword: string;
}) {
  try {
    await options.auth.api.changePassword({
      body: {
        currentPassword: options.currentPassword,
        newPassword: options.newPassword,
        revokeOtherSessions: true,
      },
      headers: options.headers,
    });
  } catch (error) {
    // Note: isAPIError, not instanceof: the shared auth instance may come from another bundle.
    if (isAPIError(error) && (error.status === "BAD_REQUEST" || error.status === "UNAUTHORIZED")) {
      throw new UserError("Current password is wrong", { field: "currentPassword" });
    }
    throw error;
  }
}

/** This person's sessions, newest first, without their tokens. */
export async function listSessions(options: { userId: string; currentSessionId: string }) {
  const sessions = await db.session.findMany({
    where: { userId: options.userId, expiresAt: { gt: new Date() } },
    select: { id: true, createdAt: true, updatedAt: true, userAgent: true, ipAddress: true },
    orderBy: { updatedAt: "desc" },
  });
  return sessions.map((session) => ({
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastActiveAt: session.updatedAt.toISOString(),
    userAgent: session.userAgent,
    current: session.id === options.currentSessionId,
  }));
}

/** Ends one of this person's own sessions; another person's id is simply not found. */
export async function endSession(options: { userId: string; sessionId: string }) {
  const { count } = await db.session.deleteMany({ where: { id: options.sessionId, userId: options.userId } });
  if (count === 0) throw new NotFoundError("That session does not exist or has already ended.");
}
