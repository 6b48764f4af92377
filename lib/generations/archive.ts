import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { db } from "@/lib/db";
import { claim, transition } from "@/lib/generations/lease";
import { backoffMs, pipelineSettings } from "@/lib/generations/settings";
import { extractPoster, probe } from "@/lib/media/ffmpeg";
import { getStorage } from "@/lib/storage";

const DOWNLOAD_TIMEOUT_MS = 120_000;
const MAX_VIDEO_BYTES = 2 * 1024 ** 3;

class ArchiveError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * Copies a finished video into our storage with a poster frame: Kling deletes results after 30
 * days, and the gallery and share links only ever serve our copy. Safe to run twice: assets are
 * unique per generation and kind, and the final step is a compare-and-set.
 */
export async function archiveGeneration(id: string): Promise<"archived" | "retry" | "failed" | "skipped"> {
  const row = await db.generation.findUnique({ where: { id } });
  if (row?.status !== "succeeded" || !row.resultUrl) return "skipped";
  if (!(await claim(id, ["succeeded"], { archiveAttempts: { increment: 1 } }))) return "skipped";

  const workDir = await mkdtemp(path.join(os.tmpdir(), "kling-archive-"));
  try {
    const videoFile = path.join(workDir, "video.mp4");
    await download(row.resultUrl, videoFile);
    const info = await probe(videoFile).catch(() => null);
    if (!info?.videoCodec || !info.durationSeconds) {
      throw new ArchiveError("The file Kling returned is not a playable video.", false);
    }
    const posterFile = path.join(workDir, "poster.jpg");
    await extractPoster(videoFile, posterFile, Math.min(1, info.durationSeconds / 2));
    const poster = await probe(posterFile);

    const storage = getStorage();
    const base = `teams/${row.teamId}/generations/${row.id}`;
    const files = [
      { kind: "video", file: videoFile, key: `${base}/video.mp4`, contentType: "video/mp4", info },
      {
        kind: "poster",
        file: posterFile,
        key: `${base}/poster.jpg`,
        contentType: "image/jpeg",
        info: poster,
      },
    ];
    for (const entry of files) {
      await storage.putFile(entry.key, entry.file);
      const data = {
        teamId: row.teamId,
        storageKey: entry.key,
        contentType: entry.contentType,
        sizeBytes: BigInt((await stat(entry.file)).size),
        durationSeconds: entry.kind === "video" ? entry.info.durationSeconds : null,
        width: entry.info.width,
        height: entry.info.height,
        sha256: createHash("sha256")
          .update(await readFile(entry.file))
          .digest("hex"),
      };
      await db.asset.upsert({
        where: { generationId_kind: { generationId: row.id, kind: entry.kind } },
        create: { id: randomUUID(), generationId: row.id, kind: entry.kind, ...data },
        update: data,
      });
    }
    await transition(id, ["succeeded"], { status: "archived", archivedAt: new Date(), errorMessage: null });
    return "archived";
  } catch (error) {
    const archiveError =
      error instanceof ArchiveError ? error : new ArchiveError(`Archiving failed: ${String(error)}`, false);
    const attempts = row.archiveAttempts + 1;
    if (archiveError.permanent || attempts >= pipelineSettings().maxArchiveAttempts) {
      await transition(id, ["succeeded"], {
        status: "failed",
        errorMessage: archiveError.message,
        completedAt: row.completedAt,
      });
      return "failed";
    }
    await transition(id, ["succeeded"], {
      nextAttemptAt: new Date(Date.now() + backoffMs(attempts)),
      errorMessage: null,
    });
    return "retry";
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function download(url: string, target: string) {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (error) {
    throw new ArchiveError(`Could not download the video from Kling: ${String(error)}`, false);
  }
  if ([403, 404, 410].includes(response.status)) {
    throw new ArchiveError(
      `Kling's link to the video has expired (HTTP ${response.status}); Kling keeps results for 30 days, so this video cannot be recovered.`,
      true,
    );
  }
  if (!response.ok || !response.body)
    throw new ArchiveError(`Downloading the video failed with HTTP ${response.status}.`, false);
  const length = Number(response.headers.get("content-length") ?? 0);
  if (length > MAX_VIDEO_BYTES)
    throw new ArchiveError(`The video is too large to archive (${length} bytes).`, true);
  await pipeline(
    Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
    createWriteStream(target),
  );
  const size = (await stat(target)).size;
  if (length && size !== length)
    throw new ArchiveError(`The download was cut short (${size} of ${length} bytes).`, false);
}
