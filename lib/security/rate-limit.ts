import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { UserError } from "@/lib/errors";

/**
 * Counts one use of `key` in a fixed window and says whether it was within `max`. Counted in
 * Postgres in one atomic statement, so parallel requests and several instances share the count.
 */
export async function consumeRateLimit(options: {
  key: string;
  max: number;
  windowMs: number;
  now?: number;
}) {
  const now = options.now ?? Date.now();
  const [row] = await db.$queryRaw<Array<{ count: number; lastRequest: bigint }>>`
    INSERT INTO "rateLimit" (id, key, count, "lastRequest") VALUES (${randomUUID()}, ${options.key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN ${now} - "rateLimit"."lastRequest" >= ${options.windowMs} THEN 1 ELSE "rateLimit".count + 1 END,
      "lastRequest" = CASE WHEN ${now} - "rateLimit"."lastRequest" >= ${options.windowMs} THEN ${now} ELSE "rateLimit"."lastRequest" END
    RETURNING count, "lastRequest"`;
  const retryAfterMs = Math.max(0, options.windowMs - (now - Number(row.lastRequest)));
  return { allowed: row.count <= options.max, count: row.count, retryAfterMs };
}

/** Per-member limits on actions that spend money or publish: README "Limits" lists them. */
export const MEMBER_LIMITS = {
  generate: {
    max: () => serverEnv().MEMBER_GENERATE_LIMIT,
    windowMs: 10 * 60_000,
    what: "generations started",
    per: "10 minutes",
  },
  share: {
    max: () => serverEnv().MEMBER_SHARE_LIMIT,
    windowMs: 60 * 60_000,
    what: "share links created",
    per: "hour",
  },
} as const;

/**
 * Note: per member and team, so one runaway script (or a stolen session) cannot burn a team's
 * units or mint links faster than a person would, while teammates keep working.
 */
export async function consumeMemberQuota(
  action: keyof typeof MEMBER_LIMITS,
  options: { teamId: string; userId: string; now?: number },
) {
  const limit = MEMBER_LIMITS[action];
  const max = limit.max();
  const result = await consumeRateLimit({
    key: `${action}:${options.teamId}:${options.userId}`,
    max,
    windowMs: limit.windowMs,
    now: options.now,
  });
  if (!result.allowed) {
    throw new UserError(
      `You have reached the limit of ${max} ${limit.what} per ${limit.per}. Try again in ${minutes(result.retryAfterMs)}.`,
      { status: 429 },
    );
  }
}

function minutes(ms: number) {
  const count = Math.max(1, Math.ceil(ms / 60_000));
  return count === 1 ? "1 minute" : `${count} minutes`;
}
