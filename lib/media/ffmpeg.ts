import "server-only";
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { pipelineSettings } from "@/lib/generations/settings";

const execFileAsync = promisify(execFile);
const run = (binary: string, args: string[]) => {
  // A hung ffmpeg (a pathological file, a stuck disk) is killed instead of holding a row for ever.
  const { ffprobeTimeoutMs, ffmpegTimeoutMs } = pipelineSettings();
  return execFileAsync(binary, args, {
    timeout: binary === ffprobePath ? ffprobeTimeoutMs : ffmpegTimeoutMs,
    killSignal: "SIGKILL",
    maxBuffer: 16 * 1024 * 1024,
  });
};
// Static binaries shipped inside npm packages (DESIGN.md: no system ffmpeg needed).
const require = createRequire(import.meta.url);
export const ffmpegPath: string = (require("@ffmpeg-installer/ffmpeg") as { path: string }).path;
export const ffprobePath: string = (require("@ffprobe-installer/ffprobe") as { path: string }).path;

export interface MediaInfo {
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  videoCodec: string | null;
  hasAudio: boolean;
}

export async function probe(file: string): Promise<MediaInfo> {
  const { stdout } = await run(ffprobePath, [
    "-v",
    "error",
    "-print_format",
    "json",
    "-show_format",
    "-show_streams",
    file,
  ]);
  const info = JSON.parse(stdout) as {
    format?: { duration?: string };
    streams?: Array<{ codec_type?: string; codec_name?: string; width?: number; height?: number }>;
  };
  const video = info.streams?.find((stream) => stream.codec_type === "video");
  return {
    durationSeconds: info.format?.duration ? Number(info.format.duration) : null,
    width: video?.width ?? null,
    height: video?.height ?? null,
    videoCodec: video?.codec_name ?? null,
    hasAudio: Boolean(info.streams?.some((stream) => stream.codec_type === "audio")),
  };
}

/** A JPEG poster frame from a moment that shows the scene (not the first, often dark, frame). */
export async function extractPoster(video: string, output: string, atSeconds: number) {
  await run(ffmpegPath, [
    "-v",
    "error",
    "-y",
    "-ss",
    atSeconds.toFixed(2),
    "-i",
    video,
    "-frames:v",
    "1",
    "-q:v",
    "3",
    output,
  ]);
}
