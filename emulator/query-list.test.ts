import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { call, createTask, startTestEmulator, TASK_ID, UUID_V4 } from "./test-support";

// Tasks stay "submitted" for an hour: these tests look at queries, not at the lifecycle.
let emulator: Emulator;
const created: { task_id: string; external: string }[] = [];
beforeAll(async () => {
  emulator = await startTestEmulator({ submittedMs: 3_600_000, concurrencyLimit: 100 });
  for (let i = 0; i < 7; i++) {
    const external = `query-${i}`;
    const response = await createTask(emulator, { prompt: `task number ${i}`, external_task_id: external });
    created.push({ task_id: response.body.data.task_id, external });
  }
});
afterAll(() => emulator.close());

const newestFirst = () => [...created].reverse().map((task) => task.task_id);

describe("GET /v1/videos/text2video/{id} (KLING_API.md §5.1)", () => {
  it("returns the full task object by task_id", async () => {
    const { task_id } = created[2];
    const response = await call(emulator, "GET", `/v1/videos/text2video/${task_id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: 0, message: "SUCCEED" });
    expect(response.body.request_id).toMatch(UUID_V4);
    expect(response.body.data).toEqual({
      task_id,
      task_status: "submitted",
      task_status_msg: "",
      task_info: { external_task_id: "query-2" },
      task_result: {},
      created_at: expect.any(Number),
      updated_at: expect.any(Number),
    });
    expect(task_id).toMatch(TASK_ID);
  });

  it("accepts the external_task_id in the path and as ?external_task_id=", async () => {
    const { task_id } = created[4];
    const inPath = await call(emulator, "GET", "/v1/videos/text2video/query-4");
    const inQuery = await call(emulator, "GET", "/v1/videos/text2video?external_task_id=query-4");
    expect(inPath.body.data.task_id).toBe(task_id);
    expect(inQuery.body.data.task_id).toBe(task_id);
    expect(Array.isArray(inQuery.body.data)).toBe(false);
  });

  it("404/1203 for an unknown id in either form", async () => {
    for (const path of [
      "/v1/videos/text2video/999999999999999999",
      "/v1/videos/text2video?external_task_id=nope",
    ]) {
      const response = await call(emulator, "GET", path);
      expect([response.status, response.body.code], path).toEqual([404, 1203]);
      expect(response.body.message).toMatch(/task not found/);
      expect(response.body).not.toHaveProperty("data");
    }
  });

  it("404/1202 for a wrong method on a known path, and for an unknown path", async () => {
    const wrong = await call(emulator, "POST", `/v1/videos/text2video/${created[0].task_id}`, { body: {} });
    expect([wrong.status, wrong.body.code]).toEqual([404, 1202]);
    const costs = await call(emulator, "POST", "/account/costs", { body: {} });
    expect([costs.status, costs.body.code]).toEqual([404, 1202]);
    const unknown = await call(emulator, "GET", "/v1/videos/image2video");
    expect([unknown.status, unknown.body.code]).toEqual([404, 1202]);
    expect(unknown.body.message).toMatch(/no such endpoint GET \/v1\/videos\/image2video/);
  });
});

describe("GET /v1/videos/text2video?pageNum&pageSize (KLING_API.md §5.2)", () => {
  it("returns a bare array, newest first, default page size 30", async () => {
    const response = await call(emulator, "GET", "/v1/videos/text2video");
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body.data)).toBe(true);
    expect(response.body.data.map((task: { task_id: string }) => task.task_id)).toEqual(newestFirst());
    expect(response.body.data[0]).toHaveProperty("task_result", {});
  });

  it("pages through in order without overlap", async () => {
    const pages: string[] = [];
    for (const pageNum of [1, 2, 3]) {
      const response = await call(emulator, "GET", `/v1/videos/text2video?pageNum=${pageNum}&pageSize=3`);
      expect(response.body.data.length).toBe(pageNum < 3 ? 3 : 1);
      pages.push(...response.body.data.map((task: { task_id: string }) => task.task_id));
    }
    expect(pages).toEqual(newestFirst());
  });

  it("accepts the bounds pageNum 1..1000 and pageSize 1..500", async () => {
    const last = await call(emulator, "GET", "/v1/videos/text2video?pageNum=1000&pageSize=500");
    expect(last.status).toBe(200);
    expect(last.body.data).toEqual([]);
    const one = await call(emulator, "GET", "/v1/videos/text2video?pageNum=1&pageSize=1");
    expect(one.body.data.map((task: { task_id: string }) => task.task_id)).toEqual([created[6].task_id]);
  });

  it.each([
    ["pageNum=0", /^pageNum must be an integer in \[1, 1000\]; got "0"/],
    ["pageNum=1001", /^pageNum must be an integer in \[1, 1000\]; got "1001"/],
    ["pageNum=abc", /^pageNum must be an integer in \[1, 1000\]; got "abc"/],
    ["pageSize=0", /^pageSize must be an integer in \[1, 500\]; got "0"/],
    ["pageSize=501", /^pageSize must be an integer in \[1, 500\]; got "501"/],
    ["pageSize=2.5", /^pageSize must be an integer in \[1, 500\]; got "2.5"/],
  ])("400/1201 for %s", async (query, message) => {
    const response = await call(emulator, "GET", `/v1/videos/text2video?${query}`);
    expect([response.status, response.body.code]).toEqual([400, 1201]);
    expect(response.body.message).toMatch(message);
  });
});
