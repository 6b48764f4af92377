import "server-only";
import { recordActivity } from "@/lib/activity/log";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { consumeMemberQuota } from "@/lib/security/rate-limit";
import { newLinkFields } from "@/lib/share/share";
import type { ShareExpiry } from "@/lib/share/share.validation";

/** A comparison of this team: its columns in order. Another team's id is simply not found. */
export async function getCompare(options: { teamId: string; batchId: string }) {
  const batch = await db.batch.findFirst({
    where: { id: options.batchId, teamId: options.teamId, kind: "compare" },
    include: {
      generations: { select: { id: true }, orderBy: { batchIndex: "asc" } },
      // Live links only: an expired one no longer plays, so it is not offered for copying.
      shareLinks: {
        where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  if (!batch) throw new NotFoundError("That comparison does not exist in this team.");
  return batch;
}

export async function createCompareShareLink(options: {
  teamId: string;
  userId: string;
  batchId: string;
  expiry: ShareExpiry;
}) {
  const batch = await getCompare(options);
  // The same allowance as video share links: a comparison link publishes just as much.
  await consumeMemberQuota("share", { teamId: options.teamId, userId: options.userId });
  return db.$transaction(async (tx) => {
    const link = await tx.batchShareLink.create({
      data: {
        ...newLinkFields(options.expiry),
        batchId: options.batchId,
        teamId: options.teamId,
        createdById: options.userId,
      },
      select: { id: true, token: true, expiresAt: true },
    });
    // Each video it publishes says so in its own history, like a video share link.
    for (const generation of batch.generations)
      await recordActivity(tx, {
        teamId: options.teamId,
        actorId: options.userId,
        generationId: generation.id,
        kind: "compare_share",
        detail: { expiry: options.expiry, batchId: options.batchId },
      });
    return link;
  });
}

export async function revokeCompareShareLink(options: {
  teamId: string;
  userId: string;
  batchId: string;
  linkId: string;
}) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.batchShareLink.updateMany({
      where: { id: options.linkId, batchId: options.batchId, teamId: options.teamId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new NotFoundError("That link does not exist or was already revoked.");
    const generations = await tx.generation.findMany({
      where: { batchId: options.batchId, teamId: options.teamId },
      select: { id: true },
    });
    for (const generation of generations)
      await recordActivity(tx, {
        teamId: options.teamId,
        actorId: options.userId,
        generationId: generation.id,
        kind: "compare_unshare",
        detail: { batchId: options.batchId },
      });
  });
}

/** One visit to a shared comparison's page (its videos' range requests are not visits). */
export async function countCompareView(linkId: string) {
  await db.batchShareLink.update({ where: { id: linkId }, data: { viewCount: { increment: 1 } } });
}

/**
 * A public comparison: its finished cells with their videos, or null for unknown, revoked and
 * expired tokens alike (the page answers all of them with the same 404).
 */
export async function resolveCompareToken(token: string) {
  if (!/^[\w-]{20,64}$/.test(token)) return null;
  const link = await db.batchShareLink.findUnique({
    where: { token },
    include: {
      batch: {
        include: {
          generations: { orderBy: { batchIndex: "asc" }, include: { assets: true } },
        },
      },
    },
  });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= new Date())) return null;
  const cells = link.batch.generations.flatMap((generation) => {
    const video = generation.assets.find((asset) => asset.kind === "video");
    return generation.status === "archived" && video ? [{ generation, video }] : [];
  });
  return { link, cells };
}
