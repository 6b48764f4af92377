import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/lib/chromium";
import { TSX_NODE_ARGS } from "./scripts/lib/tsx";

const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://127.0.0.1:${port}`;
// A second studio with STORAGE=s3 against a test S3 server (tests/e2e/s3-studio.ts).
const s3Port = port + 1000;
const s3BaseURL = `http://127.0.0.1:${s3Port}`;
// Each studio's emulator on a known port of its own (the main one's admin API is used by specs).
const emulatorPort = port + 2000;
const s3EmulatorPort = port + 3000;
// A fresh studio per run: empty embedded database, emulator in fast mode with small videos.
const dataDir = process.env.E2E_DATA_DIR || mkdtempSync(path.join(os.tmpdir(), "kling-studio-e2e-"));
process.env.E2E_DATA_DIR = dataDir; // workers re-evaluate this file; keep one directory
const s3DataDir = process.env.E2E_S3_DATA_DIR || mkdtempSync(path.join(os.tmpdir(), "kling-studio-e2e-s3-"));
process.env.E2E_S3_DATA_DIR = s3DataDir;

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
    {
      name: "chromium",
      dependencies: ["first-run"],
      testIgnore: /storage-s3\.spec\.ts/,
      use: { ...browserUse() },
    },
    { name: "s3", testMatch: /storage-s3\.spec\.ts/, use: { ...browserUse(), baseURL: s3BaseURL } },
  ],
  // Started one after the other, so only the first builds when the build is stale.
  webServer: [
    studioServer(`node ${TSX_NODE_ARGS.join(" ")} scripts/launch.ts start`, port, dataDir, emulatorPort),
    studioServer(`node ${TSX_NODE_ARGS.join(" ")} tests/e2e/s3-studio.ts`, s3Port, s3DataDir, s3EmulatorPort),
  ],
});

function studioServer(command: string, port: number, dataDir: string, emulatorPort: number) {
  return {
    command,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    // SIGTERM lets the launcher stop Next, the emulator and the embedded database in order.
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 30_000 },
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      EMULATOR_SPEED: "fast",
      EMULATOR_SIZE: "small",
      // A known port with the admin API on, so specs can check what Kling was sent.
      EMULATOR_PORT: String(emulatorPort),
      EMULATOR_ADMIN: "1",
      KLING_POLL_INTERVAL_SECONDS: "1",
      // One owner submits every spec's generations (takes and comparisons included) within minutes.
      MEMBER_GENERATE_LIMIT: "1000",
      // The threat matrix's owner makes a fresh link for every revoke cell (about 30 per team).
      MEMBER_SHARE_LIMIT: "1000",
      DATABASE_URL: "",
      KLING_ACCESS_KEY: "",
      KLING_SECRET_KEY: "",
      KLING_API_KEY: "",
    },
  };
}

function browserUse() {
  return { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() };
}
