import { db } from "@/lib/db";
import { ACTIVE_STATUSES, isFailed } from "@/lib/generations/lifecycle";

const RECENT_LIMIT = 30;

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
      createdAt: row.createdAt.toISOString(),
      elapsedSeconds: Math.round(((end?.getTime() ?? now) - row.createdAt.getTime()) / 1000),
      videoUrl: video ? `/api/media/${video.id}` : null,
      posterUrl: poster ? `/api/media/${poster.id}` : null,
      videoDurationSeconds: video?.durationSeconds ?? null,
    };
  });
}

export type GenerationSummary = Awaited<ReturnType<typeof listGenerationsForPolling>>[number];
