// npm run bench:studio — first-load JavaScript of the studio route (kB gzipped; budget 250 kB) and
// the time from navigation to an interactive editor in headless Chromium. Starts its own studio
// (fresh embedded database, emulator) on port 3200; prints numbers only.
import { gzipSync } from "node:zlib";

import { withBenchStudio } from "./lib/bench-studio";

const PORT = 3200;

await withBenchStudio(
  {
    name: "studio",
    port: PORT,
    env: {},
  },
  async ({ context }) => {
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
  },
);
