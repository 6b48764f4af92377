import { existsSync } from "node:fs";

/**
 * How Playwright starts Chromium here: it cannot download its own browser, so an explicit path or
 * Debian's Chromium; the flags this closed network needs (DESIGN.md); --no-sandbox as CI runs as root.
 */
export function chromiumLaunchOptions() {
  return {
    executablePath:
      process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ||
      (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
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
