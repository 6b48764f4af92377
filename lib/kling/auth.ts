import "server-only";
import { SignJWT } from "jose";

const TOKEN_LIFETIME_S = 1800;
const NOT_BEFORE_SKEW_S = 5;
const RESIGN_BEFORE_EXPIRY_S = 60;

export type KlingCredentials = { apiKey: string } | { accessKey: string; secretKey: string };

/**
 * Produces the `Authorization` header value. AK/SK tokens are HS256 JWTs (KLING_API.md §2.1),
 * cached and re-signed 60 s before they expire; a static API key is sent as is.
 */
export function createAuthorizer(credentials: KlingCredentials, now: () => number = Date.now) {
  let cached: { token: string; expiresAt: number } | undefined;
  return async function authorization(): Promise<string> {
    if ("apiKey" in credentials) return `Bearer ${credentials.apiKey}`;
    const nowS = Math.floor(now() / 1000);
    if (!cached || cached.expiresAt - nowS <= RESIGN_BEFORE_EXPIRY_S) {
      const expiresAt = nowS + TOKEN_LIFETIME_S;
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setIssuer(credentials.accessKey)
        .setExpirationTime(expiresAt)
        .setNotBefore(nowS - NOT_BEFORE_SKEW_S)
        .sign(new TextEncoder().encode(credentials.secretKey));
      cached = { token, expiresAt };
    }
    return `Bearer ${cached.token}`;
  };
}
