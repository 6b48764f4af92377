import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../../emulator/server";
import { db } from "../../../lib/db";
import { resetServerEnv } from "../../../lib/env";
import { resetKlingClient } from "../../../lib/kling/instance";
import { resetStorage } from "../../../lib/storage";

/** Fast pipeline timings for tests (lib/generations/settings.ts reads them). */
export const FAST_PIPELINE_ENV = {
  // One test member submits dozens; the per-member limit has its own test (security/rate-limits).
  MEMBER_GENERATE_LIMIT: "1000",
  KLING_POLL_INTERVAL_SECONDS: "0.25",
  WORKER_HEARTBEAT_SECONDS: "0.25",
  WORKER_STALE_SECONDS: "1.5",
  KLING_RETRY_BASE_SECONDS: "0.25",
  KLING_RETRY_MAX_SECONDS: "1",
  ARCHIVE_RETRY_MAX_SECONDS: "1",
  KLING_CREATE_SETTLE_SECONDS: "2",
};

/** A real emulator over HTTP (fast lifecycle, small videos) with the studio pointed at it. */
export async function startTestEmulator(options: Partial<EmulatorOptions> = {}) {
  const emulator = await startEmulator({ port: 0, speed: "fast", videoSize: "small", seed: 7, ...options });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "kling-studio-pipeline-"));
  Object.assign(process.env, {
    KLING_API_BASE: emulator.url,
    KLING_ACCESS_KEY: emulator.accessKey,
    KLING_SECRET_KEY: emulator.secretKey,
    KLING_BACKEND: "emulator",
    DATA_DIR: dataDir,
    ...FAST_PIPELINE_ENV,
  });
  resetServerEnv();
  resetKlingClient();
  resetStorage();
  return { emulator, dataDir };
}

/** Upstream tasks the emulator holds for one generation (must always end up exactly 1). */
export function upstreamTasksFor(emulator: Emulator, generationId: string) {
  return emulator.tasks().filter((task) => task.externalTaskId === generationId);
}

export async function waitForStatus(id: string, statuses: string[], timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.generation.findUniqueOrThrow({ where: { id }, include: { assets: true } });
    if (statuses.includes(row.status)) return row;
    if (Date.now() > deadline)
      throw new Error(
        `generation ${id} still ${row.status} (wanted ${statuses.join("|")}): ${row.errorMessage ?? ""}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const BASE_REQUEST = {
  prompt: "A red fox trotting through fresh snow at dawn, cinematic",
  model: "kling-v2-5-turbo",
  mode: "std" as const,
  duration: 5,
  aspectRatio: "16:9" as const,
};
