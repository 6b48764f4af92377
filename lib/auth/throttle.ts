import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";

const WINDOW_MS = 15 * 60 * 1000;
const MAX_ATTEMPTS_PER_EMAIL = 5;
const MAX_ATTEMPTS_PER_IP = 50;

/**
 * Sign-in throttling: at most 5 attempts for one email without a success (and 50 from one
 * address) within 15 minutes. The attempt is counted before the password is checked, in one
 * atomic statement, so parallel guesses cannot slip past the limit; a successful sign-in clears
 * the email's count. Counted in Postgres, so every instance shares it.
 */
export async function consumeSignInAttempt(email: string, ip: string | null, now = Date.now()) {
  for (const [key, max] of keysFor(email, ip)) {
    const [row] = await db.$queryRaw<Array<{ count: number; lastRequest: bigint }>>`
      INSERT INTO "rateLimit" (id, key, count, "lastRequest") VALUES (${randomUUID()}, ${key}, 1, ${now})
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN ${now} - "rateLimit"."lastRequest" >= ${WINDOW_MS} THEN 1 ELSE "rateLimit".count + 1 END,
        "lastRequest" = CASE WHEN ${now} - "rateLimit"."lastRequest" >= ${WINDOW_MS} THEN ${now} ELSE "rateLimit"."lastRequest" END
      RETURNING count, "lastRequest"`;
    if (row.count > max) {
      const minutes = Math.max(1, Math.ceil((WINDOW_MS - (now - Number(row.lastRequest))) / 60_000));
      throw new UserError(
        `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        {
          status: 429,
        },
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
