import { type ChildProcess, spawn } from "node:child_process";
import { rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import { soundtrackSource } from "./audio";
import { cameraPose } from "./camera";
import { drawWorld } from "./draw-world";
import { registerFonts } from "./fonts";
import { drawHud, wrapPrompt } from "./hud";
import { type Scene, sceneFor } from "./scene";
import type { RenderJob } from "./types";

const require = createRequire(import.meta.url);
export const FFMPEG_PATH: string = require("@ffmpeg-installer/ffmpeg").path;

/** Running encoders, so a render process told to stop can take its ffmpeg down with it. */
export const activeEncoders = new Set<ChildProcess>();

interface PreparedShot {
  startSec: number;
  durationSec: number;
  scene: Scene;
  promptLines: string[];
}

/**
 * Draws every frame with canvas and pipes raw RGBA into ffmpeg (H.264 yuv420p, faststart, AAC when
 * sound is on). Files appear under their final names only once complete.
 */
export async function renderVideo(job: RenderJob): Promise<void> {
  registerFonts();
  const canvas = createCanvas(job.width, job.height);
  const ctx = canvas.getContext("2d");
  const shots = prepareShots(ctx, job);
  const partial = `${job.outputPath}.partial`;
  const watermarkPartial = job.watermarkOutputPath ? `${job.watermarkOutputPath}.partial` : null;
  const watermarkPng = job.watermarkOutputPath ? `${job.watermarkOutputPath}.png` : null;
  if (watermarkPng) await writeFile(watermarkPng, watermarkImage(job.width, job.height));

  const ffmpeg = spawn(FFMPEG_PATH, ffmpegArgs(job, partial, watermarkPartial, watermarkPng), {
    stdio: ["pipe", "ignore", "pipe"],
  });
  activeEncoders.add(ffmpeg);
  let stderr = "";
  ffmpeg.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    ffmpeg.on("error", reject);
    ffmpeg.on("close", resolve);
  });
  // EPIPE when ffmpeg dies early; the exit code below carries the real reason.
  ffmpeg.stdin.on("error", () => undefined);

  try {
    const frameCount = Math.round(job.durationSec * job.fps);
    for (let frame = 0; frame < frameCount && ffmpeg.exitCode === null; frame++) {
      drawFrame(ctx, job, shots, frame / job.fps);
      if (!ffmpeg.stdin.write(canvas.data())) {
        await new Promise<void>((resolve) => {
          const done = () => {
            ffmpeg.stdin.off("drain", done);
            ffmpeg.off("close", done);
            resolve();
          };
          ffmpeg.stdin.on("drain", done);
          ffmpeg.on("close", done);
        });
      }
    }
    ffmpeg.stdin.end();
    const code = await exited;
    if (code !== 0) throw new Error(`ffmpeg exited with code ${code}: ${stderr.trim() || "(no output)"}`);
    await rename(partial, job.outputPath);
    if (watermarkPartial && job.watermarkOutputPath) await rename(watermarkPartial, job.watermarkOutputPath);
  } finally {
    activeEncoders.delete(ffmpeg);
    if (ffmpeg.exitCode === null) ffmpeg.kill("SIGKILL");
    await rm(partial, { force: true });
    if (watermarkPartial) await rm(watermarkPartial, { force: true });
    if (watermarkPng) await rm(watermarkPng, { force: true });
  }
}

function drawFrame(ctx: SKRSContext2D, job: RenderJob, shots: PreparedShot[], timeSec: number): void {
  let shotIndex = shots.findIndex((shot) => timeSec < shot.startSec + shot.durationSec);
  if (shotIndex === -1) shotIndex = shots.length - 1;
  const shot = shots[shotIndex];
  const progress = (timeSec - shot.startSec) / shot.durationSec;
  const pose = cameraPose(job.camera, progress);
  // The world is opaque everywhere, so canvas.data()'s premultiplied RGBA equals plain RGBA.
  drawWorld(ctx, job.width, job.height, shot.scene, pose, timeSec);
  drawHud(ctx, job, { pose, timeSec, shotIndex, promptLines: shot.promptLines });
}

function prepareShots(ctx: SKRSContext2D, job: RenderJob): PreparedShot[] {
  let startSec = 0;
  return job.shots.map((shot) => {
    const prepared = {
      startSec,
      durationSec: shot.durationSec,
      scene: sceneFor(shot.prompt),
      promptLines: wrapPrompt(ctx, job, shot.prompt),
    };
    startSec += shot.durationSec;
    return prepared;
  });
}

function ffmpegArgs(
  job: RenderJob,
  output: string,
  watermarkOutput: string | null,
  watermarkPng: string | null,
): string[] {
  const prompt = job.shots.map((shot) => shot.prompt).join(" / ");
  const inputs = [
    ...["-hide_banner", "-loglevel", "error", "-y"],
    ...[
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgba",
      "-s",
      `${job.width}x${job.height}`,
      "-framerate",
      String(job.fps),
    ],
    ...["-i", "pipe:0"],
  ];
  if (job.sound) inputs.push("-f", "lavfi", "-i", soundtrackSource(prompt, job.durationSec));
  const watermarkInput = job.sound ? 2 : 1;
  if (watermarkPng) inputs.push("-i", watermarkPng);

  // ultrafast above 720p keeps a 1080p render near real time on one core.
  const preset = job.width * job.height > 1280 * 720 ? "ultrafast" : "veryfast";
  const encode = (videoLabel: string, file: string) => [
    ...["-map", videoLabel, ...(job.sound ? ["-map", "1:a", "-c:a", "aac", "-b:a", "128k"] : [])],
    ...["-c:v", "libx264", "-preset", preset, "-crf", "23", "-pix_fmt", "yuv420p", "-r", String(job.fps)],
    ...["-t", String(job.durationSec), "-movflags", "+faststart"],
    ...["-metadata", `title=${prompt.slice(0, 200)}`],
    ...["-metadata", `comment=Kling emulator: ${job.modelName} ${job.modeLabel} ${job.aspectRatio}`],
    ...["-f", "mp4", file],
  ];
  if (!watermarkOutput) return [...inputs, ...encode("0:v", output)];
  return [
    ...inputs,
    ...["-filter_complex", `[0:v]split=2[clean][base];[base][${watermarkInput}:v]overlay=0:0[marked]`],
    ...encode("[clean]", output),
    ...encode("[marked]", watermarkOutput),
  ];
}

function watermarkImage(width: number, height: number): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  const size = Math.max(8, Math.round(Math.min(width, height) * 0.06));
  ctx.font = `bold ${size}px DejaVu Sans`;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillStyle = "rgba(255,255,255,0.45)";
  ctx.translate(width / 2, height / 2);
  ctx.rotate(-Math.PI / 12);
  ctx.fillText("KLING EMULATOR · WATERMARK", 0, 0);
  return canvas.toBuffer("image/png");
}
