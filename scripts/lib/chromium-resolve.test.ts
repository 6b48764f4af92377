import { describe, expect, it } from "vitest";
import { ChromiumNotFound, type ChromiumProbes, resolveChromium } from "./chromium-resolve";

const PLAYWRIGHT = "/home/me/.cache/ms-playwright/chromium-1255/chrome-linux/chrome";
const NPM = {
  executablePath: "/repo/node_modules/.cache/sparticuz-chromium/147.0.0/chromium",
  fontConfigDir: "/repo/fontconfig",
};

/** A machine with exactly the given files, and the npm package when `npm` is true. */
function machine(
  files: string[],
  options: { env?: Record<string, string>; npm?: boolean } = {},
): ChromiumProbes {
  const present = new Set(files);
  return {
    env: { PATH: "/usr/local/bin:/usr/bin", ...options.env },
    exists: (file) => present.has(file),
    playwrightExecutable: () => PLAYWRIGHT,
    npmChromium: () => (options.npm ? NPM : undefined),
  };
}

describe("resolveChromium", () => {
  it("takes PLAYWRIGHT_CHROMIUM_EXECUTABLE first, even when every other browser exists", () => {
    const probes = machine(["/opt/my/chrome", PLAYWRIGHT, "/usr/bin/chromium"], {
      env: { PLAYWRIGHT_CHROMIUM_EXECUTABLE: "/opt/my/chrome" },
      npm: true,
    });
    expect(resolveChromium(probes)).toMatchObject({
      source: "env",
      executablePath: "/opt/my/chrome",
      env: {},
    });
  });

  it("refuses an explicit path that does not exist instead of falling back", () => {
    const probes = machine(["/usr/bin/chromium"], {
      env: { PLAYWRIGHT_CHROMIUM_EXECUTABLE: "/nope" },
      npm: true,
    });
    expect(() => resolveChromium(probes)).toThrow(/PLAYWRIGHT_CHROMIUM_EXECUTABLE=\/nope: no such file/);
  });

  it("takes Playwright's installed browser before a system one", () => {
    const probes = machine([PLAYWRIGHT, "/usr/bin/chromium"], { npm: true });
    expect(resolveChromium(probes)).toMatchObject({ source: "playwright", executablePath: PLAYWRIGHT });
  });

  it("takes a system browser on PATH before the usual paths and before npm", () => {
    const probes = machine(["/usr/local/bin/google-chrome", "/usr/bin/chromium"], { npm: true });
    // chromium is tried before google-chrome in every PATH folder, so /usr/bin/chromium wins.
    expect(resolveChromium(probes)).toMatchObject({ source: "system", executablePath: "/usr/bin/chromium" });
    const chromeOnly = machine(["/usr/local/bin/google-chrome"], { npm: true });
    expect(resolveChromium(chromeOnly)).toMatchObject({ executablePath: "/usr/local/bin/google-chrome" });
  });

  it("finds a system browser in a usual path that is not on PATH", () => {
    const probes = machine(["/opt/google/chrome/chrome"], { env: { PATH: "/nowhere" }, npm: true });
    expect(resolveChromium(probes)).toMatchObject({
      source: "system",
      executablePath: "/opt/google/chrome/chrome",
    });
  });

  it("falls back to the npm-shipped Chromium with its fonts when nothing else exists", () => {
    const resolved = resolveChromium(machine([], { npm: true }));
    expect(resolved).toMatchObject({ source: "npm", executablePath: NPM.executablePath });
    expect(resolved.env).toEqual({ FONTCONFIG_PATH: NPM.fontConfigDir });
    expect(resolved.reason).toContain("@sparticuz/chromium");
  });

  it("says everything it tried when there is no browser at all", () => {
    let error: unknown;
    try {
      resolveChromium(machine([]));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ChromiumNotFound);
    const message = (error as Error).message;
    expect(message.split("\n")).toHaveLength(1);
    for (const part of [
      "PLAYWRIGHT_CHROMIUM_EXECUTABLE: unset",
      "Playwright's own browser",
      "chromium-browser",
      "@sparticuz/chromium: not installed",
    ]) {
      expect(message).toContain(part);
    }
  });
});
