import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPoster, probe } from "@/lib/media/ffmpeg";

// A hung ffprobe or ffmpeg is killed after its timeout instead of holding a row for ever. A named
// pipe nobody writes to hangs both for real: opening it blocks until a writer comes.
let dir: string;
let fifo: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kling-ffmpeg-timeout-"));
  fifo = path.join(dir, "never.mp4");
  execFileSync("mkfifo", [fifo]);
  process.env.FFPROBE_TIMEOUT_SECONDS = "1";
  process.env.FFMPEG_TIMEOUT_SECONDS = "1";
});

afterAll(() => {
  delete process.env.FFPROBE_TIMEOUT_SECONDS;
  delete process.env.FFMPEG_TIMEOUT_SECONDS;
  rmSync(dir, { recursive: true, force: true });
});

describe("ffprobe and ffmpeg timeouts", () => {
  it("kills a hung ffprobe", async () => {
    await expect(probe(fifo)).rejects.toMatchObject({ killed: true, signal: "SIGKILL" });
  });

  it("kills a hung ffmpeg", async () => {
    await expect(extractPoster(fifo, path.join(dir, "poster.jpg"), 0.5)).rejects.toMatchObject({
      killed: true,
      signal: "SIGKILL",
    });
  });
});
