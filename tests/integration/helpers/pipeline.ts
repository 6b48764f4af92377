import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../../emulator/server";
import { getAuth } from "../../../lib/auth/instance";
import { db } from "../../../lib/db";
import { resetServerEnv } from "../../../lib/env";
import { stopBoss } from "../../../lib/jobs/boss";
import { startWorker } from "../../../lib/jobs/worker";
import { resetKlingClient } from "../../../lib/kling/instance";
import { resetStorage } from "../../../lib/storage";
import { teamWith } from "./accounts";

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

export interface FilePipeline {
  emulator: Emulator;
  /** The team made for this file (with `teamName`), and its owner's user id. */
  team: { id: string };
  userId: string;
}

/**
 * The pipeline for a whole test file: registers the beforeAll that starts the emulator (and, with
 * `teamName`, a team with its owner) and an in-process worker, and the afterAll that stops them.
 * Call at the top level after `appDatabaseForThisFile()`; read the fields inside tests and hooks.
 */
export function pipelineForThisFile(
  options: { emulator?: Partial<EmulatorOptions>; teamName?: string; env?: Record<string, string> } = {},
): FilePipeline {
  let state: { emulator: Emulator; team?: { id: string }; userId?: string } | undefined;
  let worker: { stop(): Promise<void> } | undefined;
  beforeAll(async () => {
    Object.assign(process.env, options.env);
    const { emulator } = await startTestEmulator(options.emulator);
    state = { emulator };
    if (options.teamName) {
      const setup = await teamWith(getAuth(), options.teamName);
      state.team = setup.team;
      state.userId = setup.owner.user.id;
    }
    worker = await startWorker({ log: () => {} });
  }, 120_000);
  afterAll(async () => {
    for (const name of Object.keys(options.env ?? {})) delete process.env[name];
    await worker?.stop();
    await stopBoss();
    await state?.emulator.close();
  });
  const current = () => {
    if (!state) throw new Error("the pipeline runs only inside tests and hooks");
    return state;
  };
  const teamField = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("pipelineForThisFile was called without teamName");
    return value;
  };
  return {
    get emulator() {
      return current().emulator;
    },
    get team() {
      return teamField(current().team);
    },
    get userId() {
      return teamField(current().userId);
    },
  };
}
