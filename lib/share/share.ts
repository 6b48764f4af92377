import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { recordActivity } from "@/lib/activity/log";
import { db } from "@/lib/db";
import { NotFoundError, UserError } from "@/lib/errors";
import { findArchivedVideo } from "@/lib/generations/queries";
import { requireId } from "@/lib/http/text";
import { consumeMemberQuota } from "@/lib/security/rate-limit";
import { SHARE_EXPIRIES, type ShareExpiry } from "@/lib/share/share.validation";

/** A public link to one finished video. The token carries 192 random bits. */
export async function createShareLink(options: {
  teamId: string;
  userId: string;
  generationId: string;
  expiry: ShareExpiry;
  hidePrompt: boolean;
}) {
  if (typeof options.expiry !== "string" || !Object.hasOwn(SHARE_EXPIRIES, options.expiry)) {
    throw new UserError(`Expiry must be one of ${Object.keys(SHARE_EXPIRIES).join(", ")}`, {
      field: "expiry",
    });
  }
  await consumeMemberQuota("share", { teamId: options.teamId, userId: options.userId });
  return db.$transaction(async (tx) => {
    const generation = await findArchivedVideo(tx, options);
    const link = await tx.shareLink.create({
      data: {
        ...newLinkFields(options.expiry),
        generationId: generation.id,
        teamId: options.teamId,
        createdById: options.userId,
        hidePrompt: options.hidePrompt,
      },
    });
    await recordActivity(tx, {
      teamId: options.teamId,
      actorId: options.userId,
      generationId: generation.id,
      kind: "share",
      detail: { expiry: options.expiry, hidePrompt: options.hidePrompt },
    });
    return link;
  });
}

export async function revokeShareLink(options: { teamId: string; userId: string; linkId: string }) {
  return db.$transaction(async (tx) => {
    const link = await tx.shareLink.findFirst({
      where: { id: requireId(options.linkId, "linkId"), teamId: options.teamId, revokedAt: null },
    });
    if (!link) throw new NotFoundError("That share link does not exist or is already revoked.");
    await tx.shareLink.update({ where: { id: link.id }, data: { revokedAt: new Date() } });
    await recordActivity(tx, {
      teamId: options.teamId,
      actorId: options.userId,
      generationId: link.generationId,
      kind: "unshare",
      detail: {},
    });
  });
}

/**
 * The public side: the link and its video, or null for unknown, revoked and expired tokens
 * alike, so a 404 reveals nothing about which case it was.
 */
export async function resolveShareToken(token: string) {
  if (!/^[\w-]{20,64}$/.test(token)) return null;
  const link = await db.shareLink.findUnique({
    where: { token },
    include: { generation: { include: { assets: true } } },
  });
  if (!link || link.revokedAt || (link.expiresAt && link.expiresAt <= new Date())) return null;
  if (link.generation.status !== "archived") return null;
  const video = link.generation.assets.find((asset) => asset.kind === "video");
  const poster = link.generation.assets.find((asset) => asset.kind === "poster");
  if (!video) return null;
  return { link, generation: link.generation, video, poster: poster ?? null };
}

export async function countShareView(linkId: string) {
  await db.shareLink.update({ where: { id: linkId }, data: { viewCount: { increment: 1 } } });
}

/**
 * What every public link (a video's /s/, a comparison's /c/) is made of: its id, a 192-bit
 * unguessable token, and when it expires (never for "never").
 */
export function newLinkFields(expiry: ShareExpiry) {
  const days = SHARE_EXPIRIES[expiry];
  return {
    id: randomUUID(),
    token: randomBytes(24).toString("base64url"),
    expiresAt: days === null ? null : new Date(Date.now() + days * 86_400_000),
  };
}
