import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { budgetStatus } from "@/lib/generations/budget";
import { ACTIVE_STATUSES, isFailed } from "@/lib/generations/lifecycle";
import { parseStoredRequest } from "@/lib/generations/request";
import { requireId } from "@/lib/http/text";
import { mediaUrl } from "@/lib/media/urls";

const RECENT_LIMIT = 30;
const RECENT_PROMPTS = 10;

/** What the studio page needs besides the catalog: the budget, recent prompts, and the remix source. */
export async function getStudioPageData(options: { teamId: string; remixOf?: string }) {
  const [budget, recent, source] = await Promise.all([
    budgetStatus(db, options.teamId),
    db.generation.findMany({
      where: { teamId: options.teamId },
      select: { prompt: true },
      orderBy: { createdAt: "desc" },
      distinct: ["prompt"],
      take: RECENT_PROMPTS,
    }),
    options.remixOf
      ? db.generation.findFirst({
          where: { id: options.remixOf, teamId: options.teamId },
          select: { id: true, request: true, prompt: true },
        })
      : null,
  ]);
  return {
    budget,
    recentPrompts: recent.map((row) => row.prompt),
    remixSource: source
      ? { id: source.id, prompt: source.prompt, request: parseStoredRequest(source.request) }
      : null,
  };
}

/**
 * What the studio's queue polls: the team's active generations and the most recent ones, or the
 * given ids. Always filtered by team.
 */
export async function listGenerationsForPolling(options: {
  teamId: string;
  active?: boolean;
  ids?: string[];
}) {
  const rows = await db.generation.findMany({
    where: {
      teamId: options.teamId,
      ...(options.ids ? { id: { in: options.ids } } : {}),
      ...(options.active ? { status: { in: ACTIVE_STATUSES } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: options.ids ? options.ids.length : RECENT_LIMIT,
    include: {
      author: { select: { id: true, name: true } },
      assets: { select: { id: true, kind: true, durationSeconds: true, width: true, height: true } },
      batch: {
        select: { id: true, kind: true, chosenGenerationId: true, _count: { select: { generations: true } } },
      },
    },
  });
  const now = Date.now();
  return rows.map((row) => {
    const video = row.assets.find((asset) => asset.kind === "video");
    const poster = row.assets.find((asset) => asset.kind === "poster");
    const end = row.archivedAt ?? (isFailed(row.status) ? (row.completedAt ?? row.updatedAt) : null);
    return {
      id: row.id,
      status: row.status,
      prompt: row.prompt,
      model: row.model,
      mode: row.mode,
      duration: row.duration,
      aspectRatio: row.aspectRatio,
      sound: row.sound,
      parentId: row.parentId,
      batchIndex: row.batchIndex,
      reviewState: row.reviewState,
      batch: row.batch
        ? {
            id: row.batch.id,
            kind: row.batch.kind,
            chosenGenerationId: row.batch.chosenGenerationId,
            size: row.batch._count.generations,
          }
        : null,
      author: row.author,
      estimatedUnits: Number(row.estimatedUnits),
      chargedUnits: row.chargedUnits === null ? null : Number(row.chargedUnits),
      klingStatusMsg: row.klingStatusMsg,
      errorMessage: row.errorMessage,
      /** archive_waiting: why our copy is not saved yet (written for members) and when it is tried next. */
      archiveError: row.status === "archive_waiting" ? row.archiveError : null,
      nextAttemptAt: row.status === "archive_waiting" ? row.nextAttemptAt.toISOString() : null,
      createdAt: row.createdAt.toISOString(),
      elapsedSeconds: Math.round(((end?.getTime() ?? now) - row.createdAt.getTime()) / 1000),
      videoUrl: mediaUrl(video?.id),
      posterUrl: mediaUrl(poster?.id),
      videoDurationSeconds: video?.durationSeconds ?? null,
    };
  });
}

export type GenerationSummary = Awaited<ReturnType<typeof listGenerationsForPolling>>[number];
/** GET /api/generations answers this (app/api/generations/route.ts). */
export interface GetGenerationsResponse {
  generations: GenerationSummary[];
}

/**
 * The finished video `generationId` of this team, or a 404: the first step of everything done to a
 * video (reviewing, commenting, sharing, its page). Another team's id is simply not found.
 */
export async function findArchivedVideo<Include extends Prisma.GenerationInclude = Record<never, never>>(
  client: Prisma.TransactionClient,
  options: { teamId: string; generationId: string; include?: Include },
): Promise<Prisma.GenerationGetPayload<{ include: Include }>> {
  const video = await client.generation.findFirst({
    where: {
      id: requireId(options.generationId, "generationId"),
      teamId: options.teamId,
      status: "archived",
    },
    include: options.include,
  });
  if (!video) throw new NotFoundError("That video does not exist in this team.");
  // Note: Prisma cannot compute a generic include's payload; the query above is exactly that shape.
  return video as Prisma.GenerationGetPayload<{ include: Include }>;
}
