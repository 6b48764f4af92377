import { klingConfig } from "@/lib/env";
import { createAuthorizer } from "@/lib/kling/auth";

export type KlingHealth =
  | { ok: true; backend: "emulator" | "live"; baseUrl: string }
  | { ok: false; backend: "emulator" | "live" | "unconfigured"; error: string };

const CACHE_MS = 15_000;
const TIMEOUT_MS = 3_000;
let cached: { at: number; result: KlingHealth } | undefined;

/**
 * Whether Kling answers an authenticated read. Cached for 15 s: health checks may be frequent and
 * Kling asks clients to keep request rates low.
 */
export async function checkKlingHealth(): Promise<KlingHealth> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.result;
  const result = await probe();
  cached = { at: Date.now(), result };
  return result;
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
  const authorization = createAuthorizer(
    config.apiKey
      ? { apiKey: config.apiKey }
      : { accessKey: config.accessKey ?? "", secretKey: config.secretKey ?? "" },
  );
  try {
    const response = await fetch(`${config.baseUrl}/v1/videos/text2video?pageNum=1&pageSize=1`, {
      headers: { authorization: await authorization() },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = (await response.json().catch(() => ({}))) as { code?: number; message?: string };
    if (response.ok && body.code === 0) return { ok: true, backend: config.backend, baseUrl: config.baseUrl };
    return {
      ok: false,
      backend: config.backend,
      error: `HTTP ${response.status}, code ${body.code ?? "?"}: ${body.message ?? "unexpected response"}`,
    };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === "TimeoutError"
        ? `no answer within ${TIMEOUT_MS} ms`
        : String(error);
    return { ok: false, backend: config.backend, error: `${config.baseUrl} unreachable: ${reason}` };
  }
}
