import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { call, createTask, download, ffprobe, startTestEmulator, waitForTask } from "./test-support";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ submittedMs: 0, processingMs: 0, concurrencyLimit: 10 });
});
afterAll(() => emulator.close());

async function renderAndProbe(target: Emulator, body: Record<string, unknown>) {
  const { task_id } = (await createTask(target, body)).body.data;
  const { task } = await waitForTask(target, task_id, ["succeed", "failed"], 120_000);
  expect(task.task_status, task.task_status_msg).toBe("succeed");
  const { file } = await download(task.task_result.videos[0].url);
  return { task, file, probe: await ffprobe(file) };
}

function videoStream(probe: Awaited<ReturnType<typeof ffprobe>>) {
  const video = probe.streams.filter((stream) => stream.codec_type === "video");
  expect(video).toHaveLength(1);
  return video[0];
}

const audioStreams = (probe: Awaited<ReturnType<typeof ffprobe>>) =>
  probe.streams.filter((stream) => stream.codec_type === "audio");

describe("rendered videos (small size)", () => {
  it.each([
    [
      "kling-v1 std 5 s 16:9, camera zoom, 30 fps",
      { model_name: "kling-v1", camera_control: { type: "simple", config: { zoom: 6 } } },
      { width: 320, height: 180, seconds: 5, fps: "30/1", audio: false },
    ],
    [
      "kling-v2-5-turbo pro 10 s 9:16",
      { model_name: "kling-v2-5-turbo", mode: "pro", duration: "10", aspect_ratio: "9:16" },
      { width: 270, height: 480, seconds: 10, fps: "24/1", audio: false },
    ],
    [
      "kling-v3 std 3 s 1:1 with sound",
      { model_name: "kling-v3", duration: "3", aspect_ratio: "1:1", sound: "on" },
      { width: 180, height: 180, seconds: 3, fps: "24/1", audio: true },
    ],
    [
      "kling-v3 4k 3 s 16:9",
      { model_name: "kling-v3", mode: "4k", duration: "3" },
      { width: 960, height: 540, seconds: 3, fps: "24/1", audio: false },
    ],
    [
      "kling-v2-1-master 5 s 1:1 (1080p model)",
      { model_name: "kling-v2-1-master", aspect_ratio: "1:1" },
      { width: 270, height: 270, seconds: 5, fps: "24/1", audio: false },
    ],
  ])("%s", async (_name, body, expected) => {
    const prompt = `probe ${_name}`;
    const { task, file, probe } = await renderAndProbe(emulator, { prompt, ...body });
    const video = videoStream(probe);
    expect(video).toMatchObject({
      codec_name: "h264",
      pix_fmt: "yuv420p",
      width: expected.width,
      height: expected.height,
    });
    expect(video.r_frame_rate).toBe(expected.fps);
    expect(Math.abs(Number(probe.format.duration) - expected.seconds)).toBeLessThanOrEqual(0.2);
    expect(task.task_result.videos[0].duration).toBe(`${expected.seconds}.1`);
    const audio = audioStreams(probe);
    expect(audio.map((stream) => stream.codec_name)).toEqual(expected.audio ? ["aac"] : []);
    // The file carries what was asked for, and is streamable (moov before mdat = faststart).
    expect(probe.format.tags?.title).toBe(prompt);
    expect(probe.format.tags?.comment).toContain(String(body.model_name));
    const bytes = await readFile(file);
    expect(bytes.indexOf("moov")).toBeLessThan(bytes.indexOf("mdat"));
  });

  it("multi-shot and watermark: two files, same length", async () => {
    const { task, probe } = await renderAndProbe(emulator, {
      model_name: "kling-v3",
      duration: "4",
      multi_shot: true,
      shot_type: "customize",
      multi_prompt: [
        { index: 1, prompt: "sunrise over hills", duration: "2" },
        { index: 2, prompt: "a hot air balloon", duration: "2" },
      ],
      watermark_info: { enabled: true },
    });
    expect(task.watermark_info).toEqual({ enabled: true });
    const watermarked = await download(task.task_result.videos[0].watermark_url);
    const watermarkProbe = await ffprobe(watermarked.file);
    expect(Number(watermarkProbe.format.duration)).toBeCloseTo(Number(probe.format.duration), 1);
    expect(videoStream(watermarkProbe)).toMatchObject({ width: 320, height: 180 });
    expect(probe.format.tags?.title).toBe("sunrise over hills / a hot air balloon");
  });
});

describe("rendered videos (full size) and event-loop health", () => {
  it("kling-v2-6 pro 5 s 16:9 with sound is 1920x1080 H.264 + AAC, and the API stays responsive meanwhile", async () => {
    const full = await startTestEmulator({ videoSize: "full", submittedMs: 0, processingMs: 0 });
    try {
      const { task_id } = (
        await createTask(full, {
          model_name: "kling-v2-6",
          mode: "pro",
          sound: "on",
          prompt: "full size check",
        })
      ).body.data;
      await waitForTask(full, task_id, ["processing"]);
      // While the render runs in its own process, GETs must stay fast (a render on the event loop
      // would stall them for seconds).
      const latencies: number[] = [];
      let status = "processing";
      while (status === "processing" && latencies.length < 400) {
        const started = performance.now();
        const response = await call(full, "GET", `/v1/videos/text2video/${task_id}`);
        latencies.push(performance.now() - started);
        status = response.body.data.task_status;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      latencies.sort((a, b) => a - b);
      const p95 = latencies[Math.floor(latencies.length * 0.95)];
      expect(latencies.length).toBeGreaterThan(10);
      expect(p95, `p95 ${p95.toFixed(1)} ms over ${latencies.length} GETs`).toBeLessThan(500);

      const { task } = await waitForTask(full, task_id, ["succeed", "failed"], 120_000);
      expect(task.task_status, task.task_status_msg).toBe("succeed");
      const probe = await ffprobe((await download(task.task_result.videos[0].url)).file);
      expect(videoStream(probe)).toMatchObject({
        codec_name: "h264",
        width: 1920,
        height: 1080,
        pix_fmt: "yuv420p",
      });
      expect(audioStreams(probe).map((stream) => stream.codec_name)).toEqual(["aac"]);
      expect(Math.abs(Number(probe.format.duration) - 5)).toBeLessThanOrEqual(0.2);
      expect(task.final_unit_deduction).toBe("5");
    } finally {
      await full.close();
    }
  }, 180_000);
});
