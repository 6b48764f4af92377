import "server-only";
import { klingConfig } from "@/lib/env";
import { KlingClient } from "@/lib/kling/client";
import { KlingError } from "@/lib/kling/errors";

export type KlingHealth =
  | { ok: true; backend: "emulator" | "live"; baseUrl: string }
  | { ok: false; backend: "emulator" | "live" | "unconfigured"; error: string };

const CACHE_MS = 15_000;
const TIMEOUT_MS = 3_000;
let cached: { at: number; result: KlingHealth } | undefined;
let inFlight: Promise<KlingHealth> | undefined;

/**
 * Whether Kling answers an authenticated read (a one-task list). Cached for 15 s: health checks
 * may be frequent and Kling asks clients to keep request rates low.
 *
 * Note: single-flight. Callers arriving while a probe runs share it instead of each opening their
 * own connection; otherwise a burst of anonymous health checks right after the cache expires
 * becomes a burst of Kling calls and pushes the pipeline into Kling's rate limits.
 */
export function checkKlingHealth(): Promise<KlingHealth> {
  if (cached && Date.now() - cached.at < CACHE_MS) return Promise.resolve(cached.result);
  inFlight ??= probe()
    .then((result) => {
      cached = { at: Date.now(), result };
      return result;
    })
    .finally(() => {
      inFlight = undefined;
    });
  return inFlight;
}

async function probe(): Promise<KlingHealth> {
  const config = klingConfig();
  if (!config) {
    return {
      ok: false,
      backend: "unconfigured",
      error: "no Kling credentials (KLING_API_KEY or KLING_ACCESS_KEY/KLING_SECRET_KEY)",
    };
  }
  const client = new KlingClient({
    baseUrl: config.baseUrl,
    credentials: config.apiKey
      ? { apiKey: config.apiKey }
      : { accessKey: config.accessKey ?? "", secretKey: config.secretKey ?? "" },
    timeoutMs: TIMEOUT_MS,
  });
  try {
    await client.listTasks({ pageNum: 1, pageSize: 1 });
    return { ok: true, backend: config.backend, baseUrl: config.baseUrl };
  } catch (error) {
    if (!(error instanceof KlingError)) throw error;
    return { ok: false, backend: config.backend, error: `${config.baseUrl}: ${error.message}` };
  }
}

export function resetKlingHealthCache() {
  cached = undefined;
  inFlight = undefined;
}
