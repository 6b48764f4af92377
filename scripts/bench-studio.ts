// npm run bench:studio — first-load JavaScript of the studio route (kB gzipped; budget 250 kB) and
// the time from navigation to an interactive editor in headless Chromium. Starts its own studio
// (fresh embedded database, emulator) on port 3200; prints numbers only.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./lib/chromium";
import { TSX_NODE_ARGS } from "./lib/tsx";

const PORT = 3200;
const base = `http://127.0.0.1:${PORT}`;
const root = path.resolve(import.meta.dirname, "..");
const dataDir = await mkdtemp(path.join(os.tmpdir(), "kling-bench-studio-"));

const server: ChildProcess = spawn(process.execPath, [...TSX_NODE_ARGS, "scripts/launch.ts", "start"], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(PORT),
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    KLING_API_KEY: "",
    KLING_ACCESS_KEY: "",
    KLING_SECRET_KEY: "",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
try {
  await waitForHealth();
  const browser = await chromium.launch(chromiumLaunchOptions());
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto("/setup");
  await page.getByLabel("Your name").fill("Bench");
  await page.getByLabel("Email").fill("bench@studio.test");
  await page.getByLabel("Password").fill("benchmark pass 1");
  await page.getByLabel("Team name").fill("Bench team");
  await page.getByRole("button", { name: "Create studio" }).click();
  await page.waitForSelector("form[data-ready]");

  // First load with an empty cache: every script the studio route pulls in.
  const fresh = await context.newPage();
  const scripts = new Map<string, number>();
  fresh.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    try {
      scripts.set(response.url(), gzipSync(await response.body()).length);
    } catch {}
  });
  await fresh.route("**/*", (route) => route.continue());
  await fresh.goto("/", { waitUntil: "networkidle" });
  const totalKb = [...scripts.values()].reduce((sum, size) => sum + size, 0) / 1024;
  console.log(
    `studio route first-load JavaScript: ${totalKb.toFixed(1)} kB gzipped in ${scripts.size} files (budget 250 kB)`,
  );

  const timings: number[] = [];
  for (let run = 0; run < 7; run++) {
    const measured = await context.newPage();
    await measured.goto("/");
    await measured.waitForSelector("form[data-ready]");
    timings.push(await measured.evaluate(() => performance.now()));
    await measured.close();
  }
  timings.sort((a, b) => a - b);
  console.log(
    `load -> interactive editor: median ${timings[3].toFixed(0)} ms, min ${timings[0].toFixed(0)} ms, max ${timings[6].toFixed(0)} ms (n=7, warm server)`,
  );
  await browser.close();
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  await rm(dataDir, { recursive: true, force: true });
}

async function waitForHealth() {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("studio did not start");
}
