import { resolveTeamContext } from "@/lib/auth/session";

/**
 * Whether this caller may see /api/health's details: a signed-in owner or admin of their current
 * team. Anything else (anonymous, another role, a broken session or database) gets `{status}`.
 */
export async function mayReadHealthDetails(headers: Headers | undefined): Promise<boolean> {
  if (!headers?.get("cookie")) return false;
  try {
    const context = await resolveTeamContext(headers);
    return context.member.role === "owner" || context.member.role === "admin";
  } catch {
    return false;
  }
}
