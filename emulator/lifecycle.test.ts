import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { call, createTask, startTestEmulator, TASK_ID, waitForTask } from "./test-support";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ submittedMs: 600, processingMs: 600 });
});
afterAll(() => emulator.close());

const SMALL_V3 = { model_name: "kling-v3", duration: "3", prompt: "a paper boat on a rainy street" };

describe("lifecycle (KLING_API.md §5.3, §17.5)", () => {
  it("goes submitted -> processing -> succeed, bumping updated_at at each step", async () => {
    const created = (await createTask(emulator, { ...SMALL_V3, external_task_id: "life-1" })).body.data;
    // Poll and keep the first view of each status; the 600 ms phases leave room on a busy machine.
    const firstSeen = new Map<string, { updated_at: number; task_result: unknown; final?: unknown }>();
    const deadline = Date.now() + 45_000;
    let latest = created;
    while (latest.task_status !== "succeed" && Date.now() < deadline) {
      latest = (await call(emulator, "GET", `/v1/videos/text2video/${created.task_id}`)).body.data;
      if (!firstSeen.has(latest.task_status)) firstSeen.set(latest.task_status, latest);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect([...firstSeen.keys()]).toEqual(["submitted", "processing", "succeed"]);
    const processing = firstSeen.get("processing") as { updated_at: number; task_result: unknown };
    expect(processing.task_result).toEqual({});
    expect(processing).not.toHaveProperty("final_unit_deduction");
    expect(firstSeen.get("submitted")?.updated_at).toBe(created.updated_at);
    expect(processing.updated_at).toBeGreaterThan(created.updated_at);
    expect(latest.updated_at).toBeGreaterThan(processing.updated_at);
    expect(processing.updated_at - created.created_at).toBeGreaterThanOrEqual(600);
    const done = { task: latest };

    const task = done.task;
    expect(task).toMatchObject({
      task_id: created.task_id,
      task_status: "succeed",
      task_status_msg: "",
      task_info: { external_task_id: "life-1" },
      created_at: created.created_at,
      final_unit_deduction: "1.8",
    });
    expect(task.task_result.videos).toHaveLength(1);
    const [video] = task.task_result.videos;
    expect(video.id).toMatch(TASK_ID);
    expect(video.id).not.toBe(task.task_id);
    expect(video.duration).toBe("3.1");
    expect(video.url).toMatch(
      new RegExp(`^${emulator.url}/media/${video.id}\\.mp4\\?ksTime=[0-9a-f]+&ksSecret=[0-9a-f]+$`),
    );
    expect(video).not.toHaveProperty("watermark_url");
  });

  it("reaches succeed only once the file exists; publicBaseUrl sets the URL origin", async () => {
    const fast = await startTestEmulator({
      submittedMs: 0,
      processingMs: 0,
      publicBaseUrl: "https://cdn.example.test/",
    });
    try {
      const { task_id } = (await createTask(fast, SMALL_V3)).body.data;
      const { task } = await waitForTask(fast, task_id);
      const url = new URL(task.task_result.videos[0].url);
      expect(url.origin).toBe("https://cdn.example.test");
      const response = await fetch(`${fast.url}${url.pathname}${url.search}`, { method: "HEAD" });
      expect(response.status).toBe(200);
      expect(Number(response.headers.get("content-length"))).toBeGreaterThan(1000);
    } finally {
      await fast.close();
    }
  });

  it("a render that cannot be written fails the task with a reason, charges nothing and frees the slot", async () => {
    const broken = await startTestEmulator({
      submittedMs: 0,
      processingMs: 0,
      concurrencyLimit: 1,
      balanceUnits: 10,
    });
    try {
      await rm(broken.mediaDir, { recursive: true, force: true });
      const { task_id } = (await createTask(broken, SMALL_V3)).body.data;
      const { task } = await waitForTask(broken, task_id);
      expect(task.task_status).toBe("failed");
      expect(task.task_status_msg).toMatch(/^Video generation failed: /);
      expect(task.task_result).toEqual({});
      expect(task.final_unit_deduction).toBe("0");
      const costs = await call(broken, "GET", `/account/costs?start_time=0&end_time=${Date.now() + 1000}`);
      expect(costs.body.data.resource_pack_subscribe_infos[0].remaining_quantity).toBe(10);
      // The slot is free again: a concurrency limit of 1 accepts the next task.
      expect((await createTask(broken, SMALL_V3)).status).toBe(200);
    } finally {
      await broken.close();
    }
  });
});
