// npm run bench:compare — a comparison of four 10 s videos: time from opening the compare page to
// synchronized playback (Play all clicked as soon as the player shows; all four playing), and the
// largest drift between cells over 10 s of playback (sampled every 100 ms). Starts its own studio
// (fresh embedded database, emulator fast/small) on port 3216; prints numbers only.

import { withBenchStudio } from "./lib/bench-studio";

const PORT = Number(process.env.BENCH_PORT || 3216);
const RUNS = 5;

await withBenchStudio(
  {
    name: "compare",
    port: PORT,
    env: {
      EMULATOR_SPEED: "fast",
      EMULATOR_SIZE: "small",
      MEMBER_GENERATE_LIMIT: "1000000", // the bench is one member submitting many batches
      KLING_POLL_INTERVAL_SECONDS: "1",
    },
  },
  async ({ page }) => {
    await page.getByLabel("Prompt", { exact: true }).fill("A lighthouse in a storm, waves crashing");
    await page.getByLabel("Model").selectOption("kling-v2-5-turbo");
    await page.getByLabel("Duration").selectOption("10");
    await page.getByRole("button", { name: "Compare models" }).click();
    for (const label of [
      "Kling 2.6 · Standard",
      "Kling 2.5 Turbo · Standard",
      "Kling 1.6 · Standard",
      "Kling 3.0 · Standard",
    ])
      await page.getByRole("dialog").getByLabel(label).check();
    await page.getByRole("button", { name: "Generate comparison" }).click();
    await page.waitForURL(/\/compare\//);
    await page.getByTestId("synced-player").waitFor({ timeout: 180_000 });
    const url = page.url();

    const startups: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = Date.now();
      await page.goto(url);
      await page.getByRole("button", { name: "Play all" }).click({ timeout: 60_000 });
      await page.waitForFunction(() => {
        const videos = [...document.querySelectorAll<HTMLVideoElement>("[data-testid=compare-cell] video")];
        return videos.length === 4 && videos.every((video) => !video.paused && video.currentTime > 0);
      });
      startups.push(Date.now() - started);
    }
    // Drift over 10 s of playback (looping), from the last run.
    const drift = await page.evaluate(async () => {
      let largest = 0;
      for (let sample = 0; sample < 100; sample++) {
        const videos = [...document.querySelectorAll<HTMLVideoElement>("[data-testid=compare-cell] video")];
        const times = videos.map((video) => video.currentTime);
        // Around the loop point the first cell jumps to 0 before the others follow; skip those samples.
        if (Math.max(...times) - Math.min(...times) < 5)
          largest = Math.max(largest, Math.max(...times) - Math.min(...times));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return largest;
    });
    startups.sort((a, b) => a - b);
    console.log(
      `compare page, four 10 s videos: open -> synchronized playback median ${startups[Math.floor(RUNS / 2)]} ms (min ${startups[0]}, max ${startups.at(-1)}; n=${RUNS})`,
    );
    console.log(
      `largest drift between cells over 10 s of playback: ${(drift * 1000).toFixed(0)} ms (100 samples)`,
    );
  },
);
