import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Runs `work` in a transaction that holds the team's row lock, so membership changes of one team
 * happen one after another.
 *
 * Note: "is there another owner?" and the update that removes an owner must see the same members.
 * Without the lock two owners demoting each other at once both see the other as owner and the
 * team ends with none. `FOR UPDATE` on the organization row makes the second wait for the first
 * to commit, and it then counts the owners again.
 */
export async function withTeamLock<T>(
  teamId: string,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "organization" WHERE id = ${teamId} FOR UPDATE`;
    return work(tx);
  });
}
