import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/lib/chromium";
import { TSX_NODE_ARGS } from "./scripts/lib/tsx";

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${port}`;
const emulatorPort = port + 1000;
// A fresh studio per run: empty embedded database, emulator in fast mode with small videos.
const dataDir = process.env.E2E_DATA_DIR || mkdtempSync(path.join(os.tmpdir(), "kling-studio-e2e-"));
process.env.E2E_DATA_DIR = dataDir; // workers re-evaluate this file; keep one directory

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "first-run", testMatch: /first-run\.setup\.ts/, use: { ...browserUse() } },
    { name: "chromium", dependencies: ["first-run"], use: { ...browserUse() } },
  ],
  webServer: {
    command: `node ${TSX_NODE_ARGS.join(" ")} scripts/launch.ts start`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // SIGTERM lets the launcher stop Next, the emulator and the embedded database in order.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      EMULATOR_SPEED: "fast",
      EMULATOR_SIZE: "small",
      // A known port with the admin API on, so specs can check what Kling was sent.
      EMULATOR_PORT: String(emulatorPort),
      EMULATOR_ADMIN: "1",
      KLING_POLL_INTERVAL_SECONDS: "1",
      DATABASE_URL: "",
      KLING_ACCESS_KEY: "",
      KLING_SECRET_KEY: "",
      KLING_API_KEY: "",
    },
  },
});

function browserUse() {
  return { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() };
}
