import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

// Who did what when, per video: written in the same transaction as the change it describes, by
// review and sharing alike; the video page's history reads it back (lib/review/detail.ts).

export type ActivityKind =
  | "review"
  | "rating"
  | "comment"
  | "share"
  | "unshare"
  | "compare_share"
  | "compare_unshare";

export async function recordActivity(
  tx: Prisma.TransactionClient,
  entry: {
    teamId: string;
    actorId: string;
    generationId: string;
    kind: ActivityKind;
    detail: Prisma.InputJsonValue;
  },
) {
  await tx.activity.create({ data: { id: randomUUID(), ...entry } });
}
