// A studio of its own for a browser benchmark: a fresh embedded database under a temporary
// DATA_DIR, the emulator (never Kling: the keys are blanked), `npm start` on `port`, headless
// Chromium, and a first-run account and team. Everything is stopped and removed afterwards.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";
import { TSX_NODE_ARGS } from "./tsx";

export interface BenchStudio {
  base: string;
  browser: Browser;
  context: BrowserContext;
  /** Signed in as the first-run owner, on the studio with the editor ready. */
  page: Page;
}

export async function withBenchStudio(
  options: { name: string; port: number; env?: Record<string, string> },
  run: (studio: BenchStudio) => Promise<void>,
) {
  const base = `http://127.0.0.1:${options.port}`;
  const root = path.resolve(import.meta.dirname, "../..");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `kling-bench-${options.name}-`));
  const server: ChildProcess = spawn(process.execPath, [...TSX_NODE_ARGS, "scripts/launch.ts", "start"], {
    cwd: root,
    env: {
      ...process.env,
      ...options.env,
      PORT: String(options.port),
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      KLING_API_KEY: "",
      KLING_ACCESS_KEY: "",
      KLING_SECRET_KEY: "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForHealth(base);
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const context = await browser.newContext({ baseURL: base });
      const page = await context.newPage();
      await page.goto("/setup");
      await page.getByLabel("Your name").fill("Bench");
      await page.getByLabel("Email").fill("bench@studio.test");
      await page.getByLabel("Password").fill("benchmark pass 1");
      await page.getByLabel("Team name").fill("Bench team");
      await page.getByRole("button", { name: "Create studio" }).click();
      await page.waitForSelector("form[data-ready]");
      await run({ base, browser, context, page });
    } finally {
      await browser.close();
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function waitForHealth(base: string) {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("studio did not start");
}
