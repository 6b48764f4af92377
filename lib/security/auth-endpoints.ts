/**
 * The better-auth endpoints that answer over HTTP. The studio calls better-auth only on the server
 * (`getAuth().api.*` from its own actions: sign-in, sign-out, setup, invitations, sessions), so no
 * browser needs any of them and the list is empty. Add an entry only for a flow that must be
 * reached by the browser itself (an OAuth callback, say), as "METHOD /path" exactly as better-auth
 * routes it below /api/auth.
 *
 * Note: an allow-list, not a deny-list: a better-auth upgrade that adds endpoints must not widen
 * the studio's surface, and the studio's own rules (name limits, password rules, who may create a
 * team) hold only in its own actions.
 */
export const ALLOWED_AUTH_ENDPOINTS: ReadonlySet<string> = new Set<string>([]);

export const AUTH_BASE_PATH = "/api/auth";

/** Whether a request to /api/auth/* may reach better-auth. The raw path is compared, undecoded. */
export function isAllowedAuthRequest(method: string, url: string): boolean {
  const { pathname } = new URL(url);
  if (!pathname.startsWith(`${AUTH_BASE_PATH}/`)) return false;
  return ALLOWED_AUTH_ENDPOINTS.has(`${method.toUpperCase()} ${pathname.slice(AUTH_BASE_PATH.length)}`);
}
