import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/security/rate-limit";

const WINDOW_MS = 15 * 60 * 1000;
const MAX_ATTEMPTS_PER_EMAIL = 5;
const MAX_ATTEMPTS_PER_IP = 20;

/**
 * Sign-in throttling: at most 5 attempts for one email without a success (and 20 from one
 * address) within 15 minutes. The attempt is counted before the password is checked, in one
 * atomic statement, so parallel guesses cannot slip past the limit; a successful sign-in clears
 * the email's count. Counted in Postgres, so every instance shares it.
 */
export async function consumeSignInAttempt(email: string, ip: string | null, now = Date.now()) {
  for (const [key, max] of keysFor(email, ip)) {
    const result = await consumeRateLimit({ key, max, windowMs: WINDOW_MS, now });
    if (!result.allowed) {
      const minutes = Math.max(1, Math.ceil(result.retryAfterMs / 60_000));
      throw new UserError(
        `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        { status: 429 },
      );
    }
  }
}

export async function clearSignInAttempts(email: string) {
  await db.rateLimit.deleteMany({ where: { key: `sign-in:email:${email}` } });
}

function keysFor(email: string, ip: string | null): Array<[string, number]> {
  const keys: Array<[string, number]> = [[`sign-in:email:${email}`, MAX_ATTEMPTS_PER_EMAIL]];
  if (ip) keys.push([`sign-in:ip:${ip}`, MAX_ATTEMPTS_PER_IP]);
  return keys;
}
