import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { call, createTask, startTestEmulator, waitForTask } from "./test-support";

// What the studio's fault matrix needs from the emulator: create POSTs counted from outside, and
// faults on the result files (Kling's CDN) as well as on the API.
let emulator: Emulator;
let url: string;
beforeAll(async () => {
  emulator = await startTestEmulator({ faultsEnabled: true, submittedMs: 0, processingMs: 0 });
  const created = await createTask(emulator, {
    model_name: "kling-v2-5-turbo",
    prompt: "media faults",
    external_task_id: "media-1",
  });
  url = (await waitForTask(emulator, created.body.data.task_id)).task.task_result.videos[0].url;
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

const getTask = async () =>
  (await call(emulator, "GET", "/v1/videos/text2video/media-1")).body.data.task_result.videos[0].url;

describe("create POST counting", () => {
  it("counts every create POST per external id, including faulted, refused and unparsable ones", async () => {
    emulator.faults.add({ kind: "http_500", scope: "create", count: 1 });
    const body = { model_name: "kling-v2-5-turbo", prompt: "count me", external_task_id: "count-1" };
    expect((await createTask(emulator, body)).status).toBe(500);
    expect((await createTask(emulator, body)).status).toBe(200);
    // The duplicate is refused by the uniqueness check, so the task count alone would hide it.
    expect((await createTask(emulator, body)).body.code).toBe(1201);
    await call(emulator, "POST", "/v1/videos/text2video", { rawBody: "{not json" });
    expect(emulator.tasks().filter((task) => task.externalTaskId === "count-1")).toHaveLength(1);

    const counts = emulator.createPosts();
    expect(counts.byExternalId["count-1"]).toBe(3);
    expect(counts.createdByExternalId["count-1"]).toBe(1);
    // The third POST came after the task existed: a duplicate, though the uniqueness check refused it.
    expect(counts.duplicatesByExternalId["count-1"]).toBe(1);
    expect(counts.byExternalId[""]).toBe(1);
    const admin = await fetch(`${emulator.url}/__emulator/creates`).then((response) => response.json());
    expect(admin).toEqual(counts);
  });
});

describe("create POST counting, concurrent", () => {
  it("counts a POST that arrives while an earlier one for the same id is still handled as a duplicate", async () => {
    emulator.faults.add({ kind: "latency", scope: "create", latencyMs: 400, count: 1 });
    const body = { model_name: "kling-v2-5-turbo", prompt: "in flight", external_task_id: "inflight-1" };
    // The first is still held up by the latency when the second arrives (and creates the task).
    const first = createTask(emulator, body).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await createTask(emulator, body);
    await first;
    const counts = emulator.createPosts();
    expect(counts.byExternalId["inflight-1"]).toBe(2);
    expect(counts.duplicatesByExternalId["inflight-1"]).toBe(1);
    expect(counts.createdByExternalId["inflight-1"]).toBe(1);
    expect([second.status, second.body.code]).toEqual([200, 0]);
  });
});

describe("filler tasks", () => {
  it("adds finished tasks without rendering, newest first, pushing older ones off page 1", async () => {
    const response = await fetch(`${emulator.url}/__emulator/filler`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ count: 3 }),
    });
    expect(await response.json()).toEqual({ added: 3 });
    const page = (await call(emulator, "GET", "/v1/videos/text2video?pageSize=3")).body.data;
    expect(page.map((task: { task_status: string }) => task.task_status)).toEqual([
      "failed",
      "failed",
      "failed",
    ]);
    const bad = await fetch(`${emulator.url}/__emulator/filler`, { method: "POST", body: '{"count":0}' });
    expect(bad.status).toBe(400);
  });
});

describe("media faults (scope media)", () => {
  it("answers 503 N times, then the file", async () => {
    emulator.faults.add({ kind: "http_503", scope: "media", count: 2 });
    expect((await fetch(url)).status).toBe(503);
    expect((await fetch(url)).status).toBe(503);
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(
      Buffer.from(await ok.arrayBuffer())
        .subarray(4, 8)
        .toString(),
    ).toBe("ftyp");
  });

  it("with eachTarget, counts per file: every video gets its own N failures", async () => {
    const other = await createTask(emulator, { model_name: "kling-v2-5-turbo", prompt: "second file" });
    const otherUrl = (await waitForTask(emulator, other.body.data.task_id)).task.task_result.videos[0].url;
    emulator.faults.add({ kind: "http_503", scope: "media", count: 2, eachTarget: true });
    const statuses = [];
    for (const link of [url, url, otherUrl, url, otherUrl, otherUrl])
      statuses.push((await fetch(link)).status);
    expect(statuses).toEqual([503, 503, 503, 200, 503, 200]);
    expect(() => emulator.faults.add({ kind: "http_503", scope: "create", eachTarget: true })).toThrow(
      /eachTarget/,
    );
  });

  it("answers 404 once, then the file; API-wide rules never touch media", async () => {
    emulator.faults.set([
      { kind: "http_404", scope: "media", count: 1 },
      { kind: "http_500", scope: "all" },
    ]);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(url)).status).toBe(200);
    expect((await call(emulator, "GET", "/v1/videos/text2video?pageSize=1")).status).toBe(500);
  });

  it("expires one link for good; a new GET of the task hands out a fresh link that works", async () => {
    const before = await getTask();
    emulator.faults.add({ kind: "link_expired", scope: "media", count: 1 });
    const expired = await fetch(before);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toMatch(/expired/);
    expect((await fetch(before)).status).toBe(403);
    const fresh = await getTask();
    expect(fresh).not.toBe(before);
    expect((await fetch(fresh)).status).toBe(200);
  });

  it("stalls mid-body: headers and half the bytes, then silence", async () => {
    const whole = (await (await fetch(await getTask())).arrayBuffer()).byteLength;
    emulator.faults.add({ kind: "stall", scope: "media", count: 1 });
    const response = await fetch(await getTask(), { signal: AbortSignal.timeout(1500) });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let received = 0;
    const outcome = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return "ended";
        received += value.byteLength;
      }
    })().catch((error: Error) => error.name);
    expect(outcome).toBe("TimeoutError");
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThan(whole);
  });
});
