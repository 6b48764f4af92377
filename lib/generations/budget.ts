import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Start of the current calendar month in UTC: budgets reset on the 1st. */
export function monthStart(now = new Date()) {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/**
 * Units the team has used or committed this month: what Kling reported charging, whatever the
 * status; without a report, nothing for a failed task and the estimate for anything else (running,
 * or timed out and possibly still finishing).
 */
export async function unitsUsedThisMonth(tx: Prisma.TransactionClient, teamId: string, now = new Date()) {
  const [row] = await tx.$queryRaw<Array<{ used: string | null }>>`
    SELECT COALESCE(SUM(COALESCE("chargedUnits", CASE WHEN status = 'failed' THEN 0 ELSE "estimatedUnits" END)), 0)::text AS used
    FROM "generation"
    WHERE "teamId" = ${teamId} AND "createdAt" >= ${monthStart(now)}`;
  return Number(row?.used ?? 0);
}

export async function budgetStatus(tx: Prisma.TransactionClient, teamId: string) {
  const team = await tx.organization.findUniqueOrThrow({
    where: { id: teamId },
    select: { monthlyUnitBudget: true },
  });
  const budget = team.monthlyUnitBudget === null ? null : Number(team.monthlyUnitBudget);
  const used = await unitsUsedThisMonth(tx, teamId);
  return { budget, used, remaining: budget === null ? null : Math.max(0, round(budget - used)) };
}

export function round(units: number) {
  return Math.round(units * 100) / 100;
}
