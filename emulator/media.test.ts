import { access } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { createTask, startTestEmulator, waitForTask } from "./test-support";

// One rendered 3 s clip with a 2.5 s retention window, shared by the tests in order.
let emulator: Emulator;
let url: string;
let videoId: string;
let size: number;
beforeAll(async () => {
  emulator = await startTestEmulator({ submittedMs: 0, processingMs: 0, retentionMs: 2500 });
  const { task_id } = (
    await createTask(emulator, { model_name: "kling-v3", duration: "3", prompt: "media test" })
  ).body.data;
  const { task } = await waitForTask(emulator, task_id);
  url = task.task_result.videos[0].url;
  videoId = task.task_result.videos[0].id;
});
afterAll(() => emulator.close());

describe("result URLs (KLING_API.md §12)", () => {
  it("serve the MP4 without any Authorization header", async () => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    const bytes = Buffer.from(await response.arrayBuffer());
    size = bytes.length;
    expect(Number(response.headers.get("content-length"))).toBe(size);
    expect(bytes.subarray(4, 8).toString()).toBe("ftyp");
  });

  it("support Range requests with 206 and Content-Range, suffix ranges, HEAD and 416", async () => {
    const first = await fetch(url, { headers: { range: "bytes=0-99" } });
    expect(first.status).toBe(206);
    expect(first.headers.get("content-range")).toBe(`bytes 0-99/${size}`);
    expect((await first.arrayBuffer()).byteLength).toBe(100);

    const tail = await fetch(url, { headers: { range: "bytes=-10" } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get("content-range")).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    expect((await tail.arrayBuffer()).byteLength).toBe(10);

    const open = await fetch(url, { headers: { range: `bytes=${size - 5}-` } });
    expect((await open.arrayBuffer()).byteLength).toBe(5);

    const head = await fetch(url, { method: "HEAD" });
    expect([head.status, head.headers.get("content-length")]).toEqual([200, String(size)]);

    const beyond = await fetch(url, { headers: { range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${size}`);
  });

  it("refuse a URL whose ksSecret or ksTime was edited (403) and unknown files (404)", async () => {
    const tampered = new URL(url);
    tampered.searchParams.set("ksTime", "ffffffff");
    expect((await fetch(tampered)).status).toBe(403);
    const unsigned = new URL(url);
    unsigned.search = "";
    expect((await fetch(unsigned)).status).toBe(403);
    expect((await fetch(`${emulator.url}/media/123456789012345678.mp4`)).status).toBe(404);
    expect((await fetch(`${emulator.url}/media/${videoId}-watermark.mp4`)).status).toBe(404);
    expect((await fetch(`${emulator.url}/media/../state.json`)).status).toBe(404);
    expect((await fetch(url, { method: "POST" })).status).toBe(405);
  });

  it("expire at completion + retention: 404 afterwards, and the file is deleted", async () => {
    const record = emulator.tasks().find((task) => task.videoId === videoId);
    expect(record?.expiresAt).toBe((record?.completedAt ?? 0) + 2500);
    const ksTime = Number.parseInt(new URL(url).searchParams.get("ksTime") ?? "", 16);
    expect(ksTime).toBe(Math.floor((record?.expiresAt ?? 0) / 1000));
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, (record?.expiresAt ?? 0) - Date.now() + 50)),
    );
    const response = await fetch(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/expired/);
    await expect(access(path.join(emulator.mediaDir, `${videoId}.mp4`))).rejects.toThrow();
    // The task itself stays queryable, like Kling's history after the 30 days.
    const task = await fetch(`${emulator.url}/v1/videos/text2video/${record?.taskId}`, {
      headers: { authorization: `Bearer ${emulator.apiKey}` },
    }).then((r) => r.json());
    expect(task.data.task_status).toBe("succeed");
  });
});
