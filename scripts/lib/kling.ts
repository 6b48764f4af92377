import { randomBytes } from "node:crypto";
import path from "node:path";
import { appConfig, klingConfig } from "../../lib/env";

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
  const config = appConfig();
  const live = klingConfig(config);
  if (live) {
    return {
      env: { KLING_BACKEND: "live", KLING_API_BASE: live.baseUrl },
      description: `Kling API at ${live.baseUrl} (${live.apiKey ? "API key" : "access key + secret key"})`,
      stop: async () => {},
    };
  }
  const { startEmulator } = await import("../../emulator/server");
  options.signal.throwIfAborted();
  const accessKey = `emu-ak-${randomBytes(8).toString("hex")}`;
  const secretKey = randomBytes(24).toString("base64url");
  const emulator = await startEmulator({
    port: config.EMULATOR_PORT,
    accessKey,
    secretKey,
    stateFile: path.join(options.dataDir, "emulator", "state.json"),
    speed: config.EMULATOR_SPEED,
    videoSize: config.EMULATOR_SIZE,
    // Tests read what the emulator received (GET /__emulator/tasks); off unless asked for.
    faultsEnabled: config.EMULATOR_ADMIN === "1",
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
