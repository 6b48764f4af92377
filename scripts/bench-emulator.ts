// npm run bench:emulator – render times per clip and API latency under load while videos render.
import { spawn } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findTextToVideoModel, frameSize, type Mode, type VideoSize } from "../emulator/models";
import { RenderPool } from "../emulator/render/render-pool";
import type { RenderJob } from "../emulator/render/types";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LOAD_CLIENTS = 50;
const LOAD_SECONDS = 10;

async function main(): Promise<void> {
  console.log(
    `Kling emulator benchmark – ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}\n`,
  );
  await benchRenders();
  await benchApiUnderLoad();
}

async function benchRenders(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "emulator-bench-"));
  const pool = new RenderPool(1);
  try {
    // Warm-up: the first render also pays for starting the render process.
    await pool.render(job(dir, "warmup", "std", "small", 1, false));
    console.log("Render time (one render process, kling-v2-6 16:9, 24 fps):\n");
    console.log("| size  | mode (resolution)   | clip | sound | render time | x real time | file size |");
    console.log("|-------|---------------------|------|-------|-------------|-------------|-----------|");
    for (const size of ["full", "small"] as const) {
      for (const mode of ["std", "pro"] as const) {
        for (const seconds of [5, 10]) {
          const sound = mode === "pro";
          const renderJob = job(dir, `${size}-${mode}-${seconds}`, mode, size, seconds, sound);
          const started = performance.now();
          await pool.render(renderJob);
          const ms = performance.now() - started;
          const bytes = (await stat(renderJob.outputPath)).size;
          const resolution = `${renderJob.width}x${renderJob.height}`;
          console.log(
            `| ${size.padEnd(5)} | ${`${mode} (${resolution})`.padEnd(19)} | ${`${seconds} s`.padEnd(4)} | ${(sound ? "on" : "off").padEnd(5)} | ${`${(ms / 1000).toFixed(2)} s`.padStart(11)} | ${`${(seconds / (ms / 1000)).toFixed(2)}x`.padStart(11)} | ${`${(bytes / 1e6).toFixed(2)} MB`.padStart(9)} |`,
          );
        }
      }
    }
    console.log("");
  } finally {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function job(
  dir: string,
  name: string,
  mode: Mode,
  size: VideoSize,
  seconds: number,
  sound: boolean,
): RenderJob {
  const model = findTextToVideoModel("kling-v2-6");
  if (!model) throw new Error("kling-v2-6 missing from the capability matrix");
  const { width, height } = frameSize(model, mode, "16:9", size);
  return {
    outputPath: path.join(dir, `${name}.mp4`),
    watermarkOutputPath: null,
    width,
    height,
    fps: model.fps,
    durationSec: seconds,
    modelName: model.name,
    modeLabel: mode,
    aspectRatio: "16:9",
    sound,
    negativePrompt: "",
    camera: null,
    shots: [
      { prompt: "A red fox trots through fresh snow at dawn, cinematic, golden light", durationSec: seconds },
    ],
  };
}

/** The emulator runs as its own process (as `npm run emulator` would), so client load does not skew it. */
async function benchApiUnderLoad(): Promise<void> {
  const emulator = await spawnEmulator();
  try {
    const auth = { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" };
    const taskIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const body = {
        model_name: "kling-v2-6",
        mode: "pro",
        duration: "10",
        sound: "on",
        prompt: `load test clip ${i}`,
      };
      const response = await fetch(`${emulator.url}/v1/videos/text2video`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify(body),
      });
      taskIds.push(((await response.json()) as { data: { task_id: string } }).data.task_id);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const latencies: number[] = [];
    let errors = 0;
    const deadline = performance.now() + LOAD_SECONDS * 1000;
    const client = async (index: number) => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const response = await fetch(
          `${emulator.url}/v1/videos/text2video/${taskIds[index % taskIds.length]}`,
          { headers: auth },
        );
        await response.arrayBuffer();
        if (response.status === 200) latencies.push(performance.now() - started);
        else errors += 1;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: LOAD_CLIENTS }, (_, i) => client(i)));
    const elapsed = (performance.now() - started) / 1000;
    const statuses = await Promise.all(
      taskIds.map(async (id) => {
        const response = await fetch(`${emulator.url}/v1/videos/text2video/${id}`, { headers: auth });
        return ((await response.json()) as { data: { task_status: string } }).data.task_status;
      }),
    );
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))].toFixed(1);
    console.log(
      `GET /v1/videos/text2video/{id}: ${LOAD_CLIENTS} concurrent clients for ${LOAD_SECONDS} s while 1080p 10 s clips render:\n`,
    );
    console.log("| requests | errors | requests/s | p50 ms | p95 ms | p99 ms | max ms |");
    console.log("|----------|--------|------------|--------|--------|--------|--------|");
    console.log(
      `| ${String(latencies.length).padStart(8)} | ${String(errors).padStart(6)} | ${(latencies.length / elapsed).toFixed(0).padStart(10)} | ${pct(0.5).padStart(6)} | ${pct(0.95).padStart(6)} | ${pct(0.99).padStart(6)} | ${latencies.at(-1)?.toFixed(1).padStart(6)} |`,
    );
    console.log(
      `\nTask statuses when the load stopped: ${statuses.join(", ")} (rendering continued throughout).`,
    );
  } finally {
    await emulator.stop();
  }
}

async function spawnEmulator(): Promise<{ url: string; apiKey: string; stop: () => Promise<void> }> {
  const child = spawn(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [
      path.join(ROOT, "emulator/cli.ts"),
      "--port",
      "0",
      "--quiet",
      "--size",
      "full",
      "--submitted-ms",
      "0",
      "--processing-ms",
      "0",
      "--concurrency",
      "10",
    ],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, KLING_API_KEY: "bench-key" } },
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`emulator exited early with code ${code}: ${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return {
    url,
    apiKey: "bench-key",
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
