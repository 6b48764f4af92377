import "server-only";
import { klingConfig } from "@/lib/env";
import { pipelineSettings } from "@/lib/generations/settings";
import { KlingClient } from "@/lib/kling/client";

let cached: KlingClient | undefined;

/** The client for the configured Kling (or emulator); throws when none is configured. */
export function getKlingClient(): KlingClient {
  if (cached) return cached;
  const config = klingConfig();
  if (!config)
    throw new Error("Kling is not configured: set KLING_ACCESS_KEY/KLING_SECRET_KEY or KLING_API_KEY");
  cached = new KlingClient({
    baseUrl: config.baseUrl,
    timeoutMs: pipelineSettings().klingTimeoutMs,
    credentials: config.apiKey
      ? { apiKey: config.apiKey }
      : { accessKey: config.accessKey ?? "", secretKey: config.secretKey ?? "" },
  });
  return cached;
}

/** Tests point the studio at a fresh emulator. */
export function resetKlingClient() {
  cached = undefined;
}
