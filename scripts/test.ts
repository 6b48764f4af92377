// npm test — Biome, tsc --noEmit, Vitest (unit + integration), Playwright (e2e), in that order.
// Stops at the first failing step. Extra arguments go to the step named by --only=<step>.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { checkChromiumStarts } from "./lib/chromium";
import { ensurePrismaClient } from "./lib/prisma-generate";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

const steps: Array<{ name: string; command: string; args: string[] }> = [
  { name: "biome", command: bin("biome"), args: ["check", "."] },
  { name: "tsc", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  { name: "vitest", command: bin("vitest"), args: ["run"] },
  { name: "playwright", command: bin("playwright"), args: ["test"] },
];

const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
const extraArgs = process.argv.slice(2).filter((arg) => !arg.startsWith("--only="));

ensurePrismaClient();
const timings: string[] = [];
for (const step of steps) {
  if (only && step.name !== only) continue;
  console.log(`\n▶ ${step.name}`);
  const started = Date.now();
  if (step.name === "playwright") await announceBrowser();
  const result = spawnSync(step.command, [...step.args, ...(only ? extraArgs : [])], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${step.name} ${seconds}s`);
  if (result.status !== 0) {
    console.error(`\n✖ ${step.name} failed after ${seconds}s (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}
console.log(`\n✔ all steps passed (${timings.join(", ")})`);

/** Finds and starts the browser once: which one and why, or one line saying what was tried. */
async function announceBrowser() {
  try {
    const browser = await checkChromiumStarts();
    console.log(browser.reason);
  } catch (error) {
    console.error(`\n✖ playwright: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
