import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { UserError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Counts `weight` uses (one unless told) of `key` in a fixed window and says whether they were
 * within `max`. Counted in Postgres in one atomic statement, so parallel requests and several
 * instances share the count. Given a transaction as `client`, the count rolls back with it.
 */
export async function consumeRateLimit(options: {
  key: string;
  max: number;
  windowMs: number;
  now?: number;
  weight?: number;
  client?: Prisma.TransactionClient;
}) {
  const now = options.now ?? Date.now();
  const weight = options.weight ?? 1;
  const client = options.client ?? db;
  const [row] = await client.$queryRaw<Array<{ count: number; lastRequest: bigint }>>`
    INSERT INTO "rateLimit" (id, key, count, "lastRequest") VALUES (${randomUUID()}, ${options.key}, ${weight}, ${now})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN ${now} - "rateLimit"."lastRequest" >= ${options.windowMs} THEN ${weight} ELSE "rateLimit".count + ${weight} END,
      "lastRequest" = CASE WHEN ${now} - "rateLimit"."lastRequest" >= ${options.windowMs} THEN ${now} ELSE "rateLimit"."lastRequest" END
    RETURNING count, "lastRequest"`;
  const retryAfterMs = Math.max(0, options.windowMs - (now - Number(row.lastRequest)));
  return { allowed: row.count <= options.max, count: row.count, used: row.count - weight, retryAfterMs };
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
 *
 * `uses` is how many the action starts at once: a Generate with 4 takes (or a 4-column
 * comparison) starts 4 generations and counts 4, so takes cannot multiply the limit; a batch
 * that does not fit whole is refused whole. Pass the submission's transaction as `client` so a
 * refusal (this one, or the budget's after it) does not use up the member's allowance.
 */
export async function consumeMemberQuota(
  action: keyof typeof MEMBER_LIMITS,
  options: { teamId: string; userId: string; now?: number; uses?: number; client?: Prisma.TransactionClient },
) {
  const limit = MEMBER_LIMITS[action];
  const max = limit.max();
  const uses = options.uses ?? 1;
  const result = await consumeRateLimit({
    key: `${action}:${options.teamId}:${options.userId}`,
    max,
    windowMs: limit.windowMs,
    now: options.now,
    weight: uses,
    client: options.client,
  });
  if (result.allowed) return;
  const wait = minutes(result.retryAfterMs);
  const left = Math.max(0, max - result.used);
  if (uses > 1 && left > 0) {
    throw new UserError(
      `This would start ${uses} ${limit.what.split(" ")[0]} at once, but only ${left} of your ${max} ${limit.what} per ${limit.per} remain. Start ${left} or fewer, or try again in ${wait}.`,
      { status: 429 },
    );
  }
  throw new UserError(
    `You have reached the limit of ${max} ${limit.what} per ${limit.per}. Try again in ${wait}.`,
    {
      status: 429,
    },
  );
}

function minutes(ms: number) {
  const count = Math.max(1, Math.ceil(ms / 60_000));
  return count === 1 ? "1 minute" : `${count} minutes`;
}
