// npm run bench:takes — click on Generate with 4 takes until all four are queued in the studio's
// queue (one stack showing "4 takes"), p50/p95 over 20 clicks in headless Chromium. Starts its own
// studio (fresh embedded database, emulator in fast/small mode) on port 3215; prints numbers only.

import { withBenchStudio } from "./lib/bench-studio";

const PORT = Number(process.env.BENCH_PORT || 3215);
const RUNS = 20;

await withBenchStudio(
  {
    name: "takes",
    port: PORT,
    env: {
      EMULATOR_SPEED: "fast",
      EMULATOR_SIZE: "small",
      MEMBER_GENERATE_LIMIT: "1000000", // the bench is one member submitting many batches,
    },
  },
  async ({ page }) => {
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
  },
);
