// npm run bench:takes — click on Generate with 4 takes until all four are queued in the studio's
// queue (one stack showing "4 takes"), p50/p95 over 20 clicks in headless Chromium. Starts its own
// studio (fresh embedded database, emulator in fast/small mode) on port 3215; prints numbers only.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./lib/chromium";
import { TSX_NODE_ARGS } from "./lib/tsx";

const PORT = Number(process.env.BENCH_PORT || 3215);
const RUNS = 20;
const base = `http://127.0.0.1:${PORT}`;
const root = path.resolve(import.meta.dirname, "..");
const dataDir = await mkdtemp(path.join(os.tmpdir(), "kling-bench-takes-"));

const server: ChildProcess = spawn(process.execPath, [...TSX_NODE_ARGS, "scripts/launch.ts", "start"], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(PORT),
    DATA_DIR: dataDir,
    EMULATOR_SPEED: "fast",
    EMULATOR_SIZE: "small",
    MEMBER_GENERATE_LIMIT: "1000000", // the bench is one member submitting many batches
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
  const page = await (await browser.newContext({ baseURL: base })).newPage();
  await page.goto("/setup");
  await page.getByLabel("Your name").fill("Bench");
  await page.getByLabel("Email").fill("bench@studio.test");
  await page.getByLabel("Password").fill("benchmark pass 1");
  await page.getByLabel("Team name").fill("Bench team");
  await page.getByRole("button", { name: "Create studio" }).click();
  await page.waitForSelector("form[data-ready]");
  await page.getByLabel("Model").selectOption("kling-v2-5-turbo");
  await page.getByLabel("Takes", { exact: true }).selectOption("4");

  const timings: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const prompt = `Benchmark take run ${run}: a kite over a beach`;
    await page.getByLabel("Prompt", { exact: true }).fill(prompt);
    const started = performance.now();
    await page.getByRole("button", { name: /^Generate 4 takes/ }).click();
    // The stack renders once the poll returns the batch; its four rows are written in one transaction.
    await page
      .getByTestId("take-stack")
      .filter({ hasText: prompt })
      .getByTestId("takes-badge")
      .filter({ hasText: "4 takes" })
      .waitFor();
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const at = (p: number) => timings[Math.min(timings.length - 1, Math.ceil(p * timings.length) - 1)];
  console.log(
    `Generate ×4 click -> all four queued in the queue: p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms (min ${timings[0].toFixed(0)}, max ${timings.at(-1)?.toFixed(0)}; n=${RUNS})`,
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
