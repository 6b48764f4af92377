import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { UserError } from "@/lib/errors";

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 20;

/**
 * Sign-in throttling: after 5 failed attempts for one email (or 20 from one address) within
 * 15 minutes, further attempts are refused until the window passes. Counted in Postgres, so
 * every instance of the studio shares the counts.
 */
export async function assertSignInAllowed(email: string, ip: string | null, now = Date.now()) {
  for (const [key, max] of keysFor(email, ip)) {
    const row = await db.rateLimit.findUnique({ where: { key } });
    if (row && now - Number(row.lastRequest) < WINDOW_MS && row.count >= max) {
      const minutes = Math.ceil((WINDOW_MS - (now - Number(row.lastRequest))) / 60_000);
      throw new UserError(
        `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        {
          status: 429,
        },
      );
    }
  }
}

export async function recordSignInFailure(email: string, ip: string | null, now = Date.now()) {
  for (const [key] of keysFor(email, ip)) {
    // A window that has passed starts again at 1.
    await db.$executeRaw`
      INSERT INTO "rateLimit" (id, key, count, "lastRequest") VALUES (${randomUUID()}, ${key}, 1, ${now})
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN ${now} - "rateLimit"."lastRequest" >= ${WINDOW_MS} THEN 1 ELSE "rateLimit".count + 1 END,
        "lastRequest" = ${now}`;
  }
}

export async function clearSignInFailures(email: string) {
  await db.rateLimit.deleteMany({ where: { key: `sign-in:email:${email}` } });
}

function keysFor(email: string, ip: string | null): Array<[string, number]> {
  const keys: Array<[string, number]> = [[`sign-in:email:${email}`, MAX_FAILURES_PER_EMAIL]];
  if (ip) keys.push([`sign-in:ip:${ip}`, MAX_FAILURES_PER_IP]);
  return keys;
}
