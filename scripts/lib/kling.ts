import { randomBytes } from "node:crypto";
import path from "node:path";

export interface KlingBackend {
  env: Record<string, string>;
  description: string;
  stop: () => Promise<void>;
}

/**
 * Live Kling when credentials are configured; otherwise the bundled emulator, started with fresh
 * keys that only this launcher and its app know, and a state file so tasks survive restarts.
 */
export async function startKling(options: { dataDir: string; signal: AbortSignal }): Promise<KlingBackend> {
  const { KLING_API_KEY, KLING_ACCESS_KEY, KLING_SECRET_KEY, KLING_API_BASE } = process.env;
  if (KLING_API_KEY || (KLING_ACCESS_KEY && KLING_SECRET_KEY)) {
    const base = KLING_API_BASE || "https://api-singapore.klingai.com";
    return {
      env: { KLING_BACKEND: "live", KLING_API_BASE: base },
      description: `Kling API at ${base} (${KLING_API_KEY ? "API key" : "access key + secret key"})`,
      stop: async () => {},
    };
  }
  const { startEmulator } = await import("../../emulator/server");
  options.signal.throwIfAborted();
  const accessKey = `emu-ak-${randomBytes(8).toString("hex")}`;
  const secretKey = randomBytes(24).toString("base64url");
  const emulator = await startEmulator({
    port: Number(process.env.EMULATOR_PORT || 0),
    accessKey,
    secretKey,
    stateFile: path.join(options.dataDir, "emulator", "state.json"),
    ...(process.env.EMULATOR_SPEED === "fast" ? { speed: "fast" as const } : {}),
    ...(process.env.EMULATOR_SIZE === "small" ? { videoSize: "small" as const } : {}),
    // Tests read what the emulator received (GET /__emulator/tasks); off unless asked for.
    ...(process.env.EMULATOR_ADMIN === "1" ? { faultsEnabled: true } : {}),
  });
  return {
    env: {
      KLING_BACKEND: "emulator",
      KLING_API_BASE: emulator.url,
      KLING_ACCESS_KEY: emulator.accessKey,
      KLING_SECRET_KEY: emulator.secretKey,
    },
    description: `Kling emulator at ${emulator.url} (no Kling key needed; set KLING_ACCESS_KEY/KLING_SECRET_KEY or KLING_API_KEY for the real API)`,
    stop: () => emulator.close(),
  };
}
