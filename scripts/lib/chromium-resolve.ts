import path from "node:path";

/** Where a Chromium for the tests came from, in the order they are tried. */
export type ChromiumSource = "env" | "playwright" | "system" | "npm";

export interface ResolvedChromium {
  source: ChromiumSource;
  executablePath: string;
  /** Extra environment the browser needs (the npm build reads its fonts from FONTCONFIG_PATH). */
  env: Record<string, string>;
  /** One line for the test log: which browser and why this one. */
  reason: string;
}

/** What the resolver may look at; injected so the order can be tested without the real machine. */
export interface ChromiumProbes {
  env: Record<string, string | undefined>;
  exists: (file: string) => boolean;
  /** The browser `npx playwright install` would have put in place, whether or not it is there. */
  playwrightExecutable: () => string | undefined;
  /** Unpacks the Chromium shipped inside an npm package; undefined when the package is absent. */
  npmChromium: () => { executablePath: string; fontConfigDir: string } | undefined;
}

export const SYSTEM_COMMANDS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
const SYSTEM_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/opt/google/chrome/chrome",
];

export class ChromiumNotFound extends Error {
  constructor(readonly tried: string[]) {
    super(
      `No Chromium for the end-to-end tests (tried: ${tried.join("; ")}). ` +
        "Run `npm install` (it brings @sparticuz/chromium), install Chromium or Chrome, " +
        "or set PLAYWRIGHT_CHROMIUM_EXECUTABLE to a Chromium binary.",
    );
  }
}

/**
 * The first usable Chromium, in this order: PLAYWRIGHT_CHROMIUM_EXECUTABLE; a browser Playwright
 * installed; a system Chromium or Chrome; the Chromium that `npm install` brought (@sparticuz/chromium).
 */
export function resolveChromium(probes: ChromiumProbes): ResolvedChromium {
  const tried: string[] = [];

  const explicit = probes.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (explicit) {
    // Note: an explicit choice that is wrong must fail, not silently fall back to another browser.
    if (!probes.exists(explicit))
      throw new ChromiumNotFound([`PLAYWRIGHT_CHROMIUM_EXECUTABLE=${explicit}: no such file`]);
    return found("env", explicit, "PLAYWRIGHT_CHROMIUM_EXECUTABLE is set");
  }
  tried.push("PLAYWRIGHT_CHROMIUM_EXECUTABLE: unset");

  const installed = probes.playwrightExecutable();
  if (installed && probes.exists(installed))
    return found("playwright", installed, "Playwright has installed this browser");
  tried.push("Playwright's own browser: not installed");

  for (const candidate of systemCandidates(probes)) {
    if (probes.exists(candidate)) return found("system", candidate, "a system Chromium/Chrome is installed");
  }
  tried.push(`system: none of ${SYSTEM_COMMANDS.join(", ")} on PATH or in ${SYSTEM_PATHS.join(", ")}`);

  const npm = probes.npmChromium();
  if (npm) {
    return {
      ...found(
        "npm",
        npm.executablePath,
        "no other browser found; using the one npm install brought (@sparticuz/chromium)",
      ),
      env: { FONTCONFIG_PATH: npm.fontConfigDir },
    };
  }
  tried.push("@sparticuz/chromium: not installed");
  throw new ChromiumNotFound(tried);
}

function systemCandidates(probes: ChromiumProbes) {
  const dirs = (probes.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  const onPath = SYSTEM_COMMANDS.flatMap((command) => dirs.map((dir) => path.join(dir, command)));
  return [...onPath, ...SYSTEM_PATHS];
}

function found(source: ChromiumSource, executablePath: string, why: string): ResolvedChromium {
  return { source, executablePath, env: {}, reason: `Chromium from ${source}: ${executablePath} (${why})` };
}
