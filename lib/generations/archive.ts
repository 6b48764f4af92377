import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { claim, holding, transition } from "@/lib/generations/lease";
import { backoffMs, pipelineSettings } from "@/lib/generations/settings";
import type { Holder } from "@/lib/jobs/worker-process";
import type { KlingClient } from "@/lib/kling/client";
import { KlingError } from "@/lib/kling/errors";
import { DownloadError, downloadToFile } from "@/lib/media/download";
import { extractPoster, probe } from "@/lib/media/ffmpeg";
import { getStorage } from "@/lib/storage";
import { makeWorkDir } from "@/lib/storage/work-dir";

/** A failed attempt: `detail` for the server log, `member` for the people in the team. */
class ArchiveProblem extends Error {
  constructor(
    readonly member: string,
    readonly detail: string,
    /** Kling said the task or its file is gone (only a loss once retention has passed). */
    readonly gone = false,
    /**
     * The same file fails the same way on every try (too large, not a web address, does not play):
     * retried while Kling may still replace the link, given up once retention has passed.
     */
    readonly hopeless = false,
  ) {
    super(detail);
  }
}

export type ArchiveOutcome = "archived" | "waiting" | "lost" | "skipped";

/** A video Kling made whose copy is not saved yet: first try, or waiting for the next. */
const SAVING = ["succeeded", "archive_waiting"] as const;

/**
 * Copies a finished video into our storage with a poster frame: Kling deletes results after 30
 * days, and the gallery and share links only ever serve our copy. A video Kling made is never a
 * failed generation because our copy is not done: the row stays "saving" and is tried again with
 * capped backoff (up to an hour) for as long as Kling can still have the file; a dead link is
 * replaced by asking Kling for the task again. Only past retention is a missing file a loss.
 */
export async function archiveGeneration(
  client: KlingClient,
  holder: Holder,
  id: string,
): Promise<ArchiveOutcome> {
  const row = await db.generation.findUnique({ where: { id } });
  if (!row || !(SAVING as readonly string[]).includes(row.status) || !row.resultUrl) return "skipped";
  if (row.nextAttemptAt > new Date()) return "skipped"; // a duplicate job before the next try
  return holding(holder, id, async () => {
    const claimed = await claim(id, SAVING, {}, { holder, seen: row, counter: "archiveAttempts" });
    if (!claimed) return "skipped";
    const workDir = await makeWorkDir();
    try {
      await saveCopy(client, { ...row, resultUrl: row.resultUrl as string }, workDir);
      await transition(
        id,
        SAVING,
        { status: "archived", archivedAt: new Date(), errorMessage: null, archiveError: null },
        holder,
      );
      return "archived";
    } catch (error) {
      const problem =
        error instanceof ArchiveProblem
          ? error
          : new ArchiveProblem("The studio could not store the video.", String(error));
      console.error(`[archive] generation ${id}, attempt ${claimed.archiveAttempts}: ${problem.detail}`);
      const settings = pipelineSettings();
      const completedAt = row.completedAt ?? row.createdAt;
      const retention = span(settings.retentionMs);
      if ((problem.gone || problem.hopeless) && Date.now() > completedAt.getTime() + settings.retentionMs) {
        await transition(
          id,
          SAVING,
          {
            status: "failed",
            errorMessage: problem.gone
              ? `Kling no longer has this video: it keeps results for ${retention}, and that time passed before the studio could save a copy.`
              : `${problem.member} Kling keeps results for ${retention} and that time has passed, so the studio stopped trying.`,
            archiveError: null,
          },
          holder,
        );
        return "lost";
      }
      await transition(
        id,
        SAVING,
        {
          status: "archive_waiting",
          nextAttemptAt: new Date(
            Date.now() + backoffMs(claimed.archiveAttempts, settings.archiveRetryMaxMs),
          ),
          archiveError: problem.member,
        },
        holder,
      );
      return "waiting";
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
}

type Row = { id: string; teamId: string; klingTaskId: string | null; resultUrl: string };

async function saveCopy(client: KlingClient, row: Row, workDir: string) {
  const videoFile = path.join(workDir, "video.mp4");
  const video = await downloadFreshIfNeeded(client, row, videoFile);
  const info = await probe(videoFile).catch(() => null);
  if (!info?.videoCodec || !info.durationSeconds)
    throw new ArchiveProblem(
      "The file Kling delivered did not play.",
      "ffprobe found no video stream",
      false,
      true,
    );
  const posterFile = path.join(workDir, "poster.jpg");
  try {
    await extractPoster(videoFile, posterFile, Math.min(1, info.durationSeconds / 2));
  } catch (error) {
    throw new ArchiveProblem("The studio could not make a poster frame.", `ffmpeg: ${String(error)}`);
  }
  const poster = await probe(posterFile);
  const storage = getStorage();
  const base = `teams/${row.teamId}/generations/${row.id}`;
  const files = [
    { kind: "video", file: videoFile, key: `${base}/video.mp4`, contentType: "video/mp4", info, hash: video },
    {
      kind: "poster",
      file: posterFile,
      key: `${base}/poster.jpg`,
      contentType: "image/jpeg",
      info: poster,
      hash: await hashFile(posterFile),
    },
  ];
  for (const entry of files) {
    try {
      await storage.putFile(entry.key, entry.file);
    } catch (error) {
      throw new ArchiveProblem("The studio could not write the video to its storage.", String(error));
    }
    const data = {
      teamId: row.teamId,
      storageKey: entry.key,
      contentType: entry.contentType,
      sizeBytes: BigInt((await stat(entry.file)).size),
      durationSeconds: entry.kind === "video" ? entry.info.durationSeconds : null,
      width: entry.info.width,
      height: entry.info.height,
      sha256: entry.hash.sha256,
    };
    await db.asset.upsert({
      where: { generationId_kind: { generationId: row.id, kind: entry.kind } },
      create: { id: randomUUID(), generationId: row.id, kind: entry.kind, ...data },
      update: data,
    });
  }
}

/** Downloads the result; on a dead link (403/404/410) asks Kling for the task again and uses its new link. */
async function downloadFreshIfNeeded(client: KlingClient, row: Row, target: string) {
  const { downloadIdleMs, maxVideoBytes } = pipelineSettings();
  const options = { idleTimeoutMs: downloadIdleMs, maxBytes: maxVideoBytes };
  try {
    return await downloadToFile(row.resultUrl, target, options);
  } catch (error) {
    if (!(error instanceof DownloadError) || error.kind !== "link") throw downloadProblem(error);
  }
  const url = await freshLink(client, row);
  if (url === row.resultUrl) {
    throw new ArchiveProblem(
      "Kling's file host does not have the video right now.",
      "the link failed and Kling handed out the same one",
      true,
    );
  }
  await db.generation.update({ where: { id: row.id }, data: { resultUrl: url } });
  try {
    return await downloadToFile(url, target, options);
  } catch (error) {
    throw downloadProblem(error, true);
  }
}

async function freshLink(client: KlingClient, row: Row): Promise<string> {
  let task: Awaited<ReturnType<KlingClient["getTask"]>>;
  try {
    task = row.klingTaskId ? await client.getTask(row.klingTaskId) : await client.getTask(row.id);
  } catch (error) {
    const gone = error instanceof KlingError && (error.kind === "not_found" || error.details.code === 1203);
    throw new ArchiveProblem(
      gone ? "Kling no longer lists the task." : "Kling could not be asked for a new link to the video.",
      `refreshing the link: ${(error as Error).message}`,
      gone,
    );
  }
  const url = task.task_result.videos?.[0]?.url;
  if (!url)
    throw new ArchiveProblem("Kling no longer lists the video.", "the refreshed task has no video", true);
  return url;
}

function downloadProblem(error: unknown, afterRefresh = false): ArchiveProblem {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof DownloadError) {
    if (error.kind === "link")
      return new ArchiveProblem("Kling's file host does not have the video right now.", detail, afterRefresh);
    if (error.kind === "too_large")
      return new ArchiveProblem("The video is larger than the studio accepts.", detail, false, true);
    if (error.kind === "refused")
      return new ArchiveProblem(
        "Kling's link to the video is not a web address the studio fetches.",
        detail,
        false,
        true,
      );
  }
  return new ArchiveProblem("Kling's file host did not deliver the video.", detail);
}

function span(ms: number) {
  const days = Math.round(ms / 86_400_000);
  return days >= 1 ? `${days} day${days === 1 ? "" : "s"}` : `${Math.round(ms / 1000)} s`;
}

async function hashFile(file: string) {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return { sha256: hash.digest("hex") };
}
