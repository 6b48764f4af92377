import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { call, createTask, startTestEmulator, waitForTask } from "./test-support";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ faultsEnabled: true, submittedMs: 3_600_000, concurrencyLimit: 100 });
});
afterAll(() => emulator.close());
afterEach(() => emulator.faults.clear());

const LIST = "/v1/videos/text2video?pageSize=1";
const admin = (method: string, body?: unknown, suffix = "") =>
  fetch(`${emulator.url}/__emulator/faults${suffix}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (response) => ({ status: response.status, body: await response.json() }));

describe("admin endpoint /__emulator/faults", () => {
  it("is off unless faultsEnabled (404/1202 like any unknown path)", async () => {
    const closed = await startTestEmulator();
    try {
      const response = await call(closed, "GET", "/__emulator/faults");
      expect([response.status, response.body.code]).toEqual([404, 1202]);
      // Health stays on for launchers.
      expect(await fetch(`${closed.url}/__emulator/health`).then((r) => r.json())).toEqual({ ok: true });
      // The programmatic controller works regardless.
      closed.faults.add({ kind: "http_500", scope: "list", count: 1 });
      expect((await call(closed, "GET", LIST)).body.code).toBe(5000);
    } finally {
      await closed.close();
    }
  });

  it("GET reads, POST appends (one or many), PUT replaces, DELETE clears one or all", async () => {
    expect(await admin("GET")).toEqual({ status: 200, body: { faults: [] } });
    const one = await admin("POST", { kind: "http_503", scope: "create", count: 2 });
    expect(one.body.faults).toEqual([
      { kind: "http_503", scope: "create", count: 2, id: expect.any(String), fired: 0 },
    ]);
    const many = await admin("POST", [
      { kind: "latency", latencyMs: 10 },
      { kind: "rate_limit", probability: 0.5 },
    ]);
    expect(many.body.faults.map((rule: { kind: string }) => rule.kind)).toEqual([
      "http_503",
      "latency",
      "rate_limit",
    ]);
    const removed = await admin("DELETE", undefined, `/${one.body.faults[0].id}`);
    expect(removed.body.faults.map((rule: { kind: string }) => rule.kind)).toEqual(["latency", "rate_limit"]);
    const replaced = await admin("PUT", [{ kind: "reset", scope: "query" }]);
    expect(replaced.body.faults.map((rule: { kind: string }) => rule.kind)).toEqual(["reset"]);
    expect((await admin("DELETE")).body).toEqual({ faults: [] });
    expect(emulator.faults.list()).toEqual([]);
  });

  it("400 with a message naming field, value and rule for a bad rule", async () => {
    const response = await admin("POST", { kind: "explode" });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/^fault kind must be one of http_500, .*; got "explode"$/);
    expect((await admin("POST", { kind: "http_500", probability: 2 })).body.error).toBe(
      "fault probability must be a number in [0, 1]; got 2",
    );
  });
});

describe("fault kinds", () => {
  it.each([
    ["http_500", 500, 5000],
    ["http_503", 503, 5001],
    ["http_504", 504, 5002],
    ["rate_limit", 429, 1302],
  ] as const)("%s answers %i/%i, without data, then stops after count", async (kind, status, code) => {
    emulator.faults.add({ kind, scope: "list", count: 1 });
    const failed = await call(emulator, "GET", LIST);
    expect([failed.status, failed.body.code]).toEqual([status, code]);
    expect(failed.body).not.toHaveProperty("data");
    expect((await call(emulator, "GET", LIST)).status).toBe(200);
  });

  it("applies to the route kinds in its scope only, and before auth", async () => {
    emulator.faults.add({ kind: "http_500", scope: "create" });
    expect((await call(emulator, "GET", LIST)).status).toBe(200);
    expect((await call(emulator, "GET", "/account/costs?start_time=0&end_time=1")).status).toBe(200);
    const create = await createTask(emulator, { prompt: "a" }, { authorization: null });
    expect(create.body.code).toBe(5000);
    emulator.faults.set([{ kind: "http_503", scope: "account" }]);
    expect((await call(emulator, "GET", "/account/costs?start_time=0&end_time=1")).body.code).toBe(5001);
    emulator.faults.set([{ kind: "http_504", scope: "query" }]);
    expect((await call(emulator, "GET", "/v1/videos/text2video/1")).body.code).toBe(5002);
    expect((await call(emulator, "GET", "/v1/videos/text2video?external_task_id=x")).body.code).toBe(5002);
    emulator.faults.set([{ kind: "rate_limit", scope: "all" }]);
    expect((await call(emulator, "GET", LIST)).body.code).toBe(1302);
  });

  it("count N fails exactly the next N matching requests", async () => {
    emulator.faults.add({ kind: "http_500", scope: "list", count: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(emulator, "GET", LIST)).status);
    expect(statuses).toEqual([500, 500, 500, 200, 200]);
  });

  it("latency delays the answer", async () => {
    emulator.faults.add({ kind: "latency", latencyMs: 400, scope: "list", count: 1 });
    const started = Date.now();
    expect((await call(emulator, "GET", LIST)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it("reset destroys the connection", async () => {
    emulator.faults.add({ kind: "reset", scope: "list", count: 1 });
    await expect(call(emulator, "GET", LIST)).rejects.toThrow(/fetch failed/);
    expect((await call(emulator, "GET", LIST)).status).toBe(200);
  });

  it("response_lost creates the task but answers 504/5002; the task can be found by external id", async () => {
    emulator.faults.add({ kind: "response_lost", scope: "create", count: 1 });
    const response = await createTask(emulator, { prompt: "lost", external_task_id: "lost-504" });
    expect([response.status, response.body.code]).toEqual([504, 5002]);
    expect(emulator.tasks().filter((task) => task.externalTaskId === "lost-504")).toHaveLength(1);
    const found = await call(emulator, "GET", "/v1/videos/text2video/lost-504");
    expect(found.body.data.task_status).toBe("submitted");
    // A blind retry is refused instead of billing twice.
    expect((await createTask(emulator, { prompt: "lost", external_task_id: "lost-504" })).body.code).toBe(
      1201,
    );
  });

  it("response_lost with lostAs reset creates the task and drops the connection", async () => {
    emulator.faults.add({ kind: "response_lost", scope: "create", count: 1, lostAs: "reset" });
    await expect(createTask(emulator, { prompt: "lost", external_task_id: "lost-reset" })).rejects.toThrow(
      /fetch failed/,
    );
    expect(emulator.tasks().filter((task) => task.externalTaskId === "lost-reset")).toHaveLength(1);
  });

  it("task_failure makes the next task fail with its message and no charge", async () => {
    const quick = await startTestEmulator({
      faults: [{ kind: "task_failure", count: 1, message: "GPU on fire" }],
    });
    try {
      const { task_id } = (await createTask(quick, { prompt: "a", model_name: "kling-v3", duration: "3" }))
        .body.data;
      const { task } = await waitForTask(quick, task_id);
      expect(task).toMatchObject({
        task_status: "failed",
        task_status_msg: "GPU on fire",
        final_unit_deduction: "0",
      });
    } finally {
      await quick.close();
    }
  });
});

describe("probabilistic faults are deterministic under the seed", () => {
  async function pattern(seed: number): Promise<number[]> {
    const seeded = await startTestEmulator({
      seed,
      faults: [{ kind: "http_500", scope: "list", probability: 0.5 }],
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) statuses.push((await call(seeded, "GET", LIST)).status);
      return statuses;
    } finally {
      await seeded.close();
    }
  }

  it("the same seed gives the same sequence; another seed another one", async () => {
    const first = await pattern(42);
    expect(await pattern(42)).toEqual(first);
    expect(first).toContain(200);
    expect(first).toContain(500);
    expect(await pattern(43)).not.toEqual(first);
  });
});
