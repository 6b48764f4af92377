import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { type ResolvedChromium, resolveChromium } from "./chromium-resolve";

const root = fileURLToPath(new URL("../..", import.meta.url));
// Set once by whoever resolves first; Playwright's workers inherit it and skip the search.
const RESOLVED_ENV = "KLING_STUDIO_CHROMIUM";

/** The Chromium the tests use on this machine (see chromium-resolve.ts for the order), found once per run. */
export function testChromium(): ResolvedChromium {
  const cached = process.env[RESOLVED_ENV];
  if (cached) return JSON.parse(cached) as ResolvedChromium;
  const resolved = resolveChromium({
    env: process.env,
    exists: existsSync,
    playwrightExecutable,
    npmChromium: unpackNpmChromium,
  });
  process.env[RESOLVED_ENV] = JSON.stringify(resolved);
  return resolved;
}

/**
 * How Playwright starts Chromium here: the resolved browser, the flags this closed network needs
 * (DESIGN.md) and --no-sandbox as CI runs as root. The npm build's own recommended flags are left
 * out on purpose: `--single-process` and its `--headless=shell` break Playwright.
 */
export function chromiumLaunchOptions() {
  const browser = testChromium();
  return {
    executablePath: browser.executablePath,
    env: { ...process.env, ...browser.env } as Record<string, string>,
    args: [
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
      "--no-sandbox",
    ],
  };
}

/** Starts and stops the browser once, so that a broken one fails with one line instead of a stack per test. */
export async function checkChromiumStarts(): Promise<ResolvedChromium> {
  const browser = testChromium();
  try {
    const started = await chromium.launch({ ...chromiumLaunchOptions(), timeout: 60_000 });
    await started.close();
  } catch (error) {
    const firstLine = String(error instanceof Error ? error.message : error).split("\n")[0];
    throw new Error(
      `${browser.reason}, but it does not start: ${firstLine}. ` +
        "Set PLAYWRIGHT_CHROMIUM_EXECUTABLE to a working Chromium, or install Chromium or Chrome.",
    );
  }
  return browser;
}

function playwrightExecutable() {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/**
 * @sparticuz/chromium ships a brotli-packed Chromium; `executablePath()` unpacks it into the OS temp
 * folder. It runs in a child process with TMPDIR pointed at a cache under node_modules, so the unpacked
 * browser (~200 MB) lives and dies with node_modules and is unpacked once per package version.
 */
function unpackNpmChromium() {
  let entry: string;
  try {
    // Its exports do not include package.json; find the package from its entry point.
    entry = createRequire(import.meta.url).resolve("@sparticuz/chromium");
  } catch {
    return undefined;
  }
  const { version } = JSON.parse(readFileSync(packageJsonAbove(entry), "utf8")) as { version: string };
  const cacheDir = path.join(root, "node_modules", ".cache", "sparticuz-chromium", version);
  const executablePath = path.join(cacheDir, "chromium");
  if (!existsSync(executablePath)) {
    mkdirSync(cacheDir, { recursive: true });
    const unpack = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'const m = await import("@sparticuz/chromium"); await m.default.executablePath();',
      ],
      { cwd: root, env: { ...process.env, TMPDIR: cacheDir }, encoding: "utf8" },
    );
    if (unpack.status !== 0 || !existsSync(executablePath)) {
      // One line: the child's error message, not its stack.
      const reason =
        unpack.stderr
          .split("\n")
          .map((line) => line.trim())
          .find((line) => /^\w*Error\b|^E[A-Z]+:/.test(line)) ?? `exit ${unpack.status ?? unpack.signal}`;
      throw new Error(`@sparticuz/chromium could not unpack its browser into ${cacheDir}: ${reason}`);
    }
  }
  return { executablePath, fontConfigDir: writeFontConfig(cacheDir) };
}

/**
 * The package's own fonts.conf points at /tmp/fonts (its Lambda layout), so from our cache Chromium
 * would find no font at all and abort on the first text it lays out. Ours lists the bundled Open Sans
 * and the system's fonts, if any, for wider glyph coverage.
 */
function writeFontConfig(cacheDir: string) {
  const configDir = path.join(cacheDir, "fontconfig");
  mkdirSync(configDir, { recursive: true });
  const dirs = [path.join(cacheDir, "fonts", "fonts"), "/usr/share/fonts", "/usr/local/share/fonts"].filter(
    (dir) => existsSync(dir),
  );
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    "<fontconfig>",
    ...dirs.map((dir) => `  <dir>${dir}</dir>`),
    `  <cachedir>${path.join(configDir, "cache")}</cachedir>`,
    "</fontconfig>",
    "",
  ].join("\n");
  writeFileSync(path.join(configDir, "fonts.conf"), xml);
  return configDir;
}

function packageJsonAbove(file: string): string {
  const candidate = path.join(path.dirname(file), "package.json");
  if (existsSync(candidate)) {
    const { name } = JSON.parse(readFileSync(candidate, "utf8")) as { name?: string };
    if (name === "@sparticuz/chromium") return candidate;
  }
  const parent = path.dirname(file);
  if (parent === file) throw new Error("@sparticuz/chromium: package.json not found");
  return packageJsonAbove(parent);
}
