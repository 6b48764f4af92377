import { describe, expect, it } from "vitest";
import { CONCURRENCY_MESSAGE } from "./errors";
import type { EmulatorOptions } from "./options";
import type { Emulator } from "./server";
import { call, createTask, startTestEmulator, UUID_V4, waitForTask } from "./test-support";

async function withEmulator(options: Partial<EmulatorOptions>, run: (emulator: Emulator) => Promise<void>) {
  const emulator = await startTestEmulator(options);
  try {
    await run(emulator);
  } finally {
    await emulator.close();
  }
}

const costs = (emulator: Emulator, query = `start_time=0&end_time=${Date.now() + 60_000}`) =>
  call(emulator, "GET", `/account/costs?${query}`);
const remaining = async (emulator: Emulator) =>
  (await costs(emulator)).body.data.resource_pack_subscribe_infos[0].remaining_quantity as number;

describe("concurrency limit (KLING_API.md §11)", () => {
  it("429/1303 with the exact message once the slots are taken; queries are not limited", async () => {
    await withEmulator({ concurrencyLimit: 2, submittedMs: 3_600_000 }, async (emulator) => {
      expect((await createTask(emulator, { prompt: "one" })).status).toBe(200);
      expect((await createTask(emulator, { prompt: "two" })).status).toBe(200);
      const third = await createTask(emulator, { prompt: "three" });
      expect(third.status).toBe(429);
      expect(third.body).toEqual({
        code: 1303,
        message: CONCURRENCY_MESSAGE,
        request_id: expect.stringMatching(UUID_V4),
      });
      expect(CONCURRENCY_MESSAGE).toBe("parallel task over resource pack limit");
      expect(emulator.tasks()).toHaveLength(2);
      expect((await call(emulator, "GET", "/v1/videos/text2video")).status).toBe(200);
    });
  });

  it("holds a slot from submitted until the task ends, then releases it", async () => {
    await withEmulator(
      {
        concurrencyLimit: 1,
        submittedMs: 500,
        processingMs: 800,
        blockedWords: ["nope"],
        contentPolicyMode: "fail",
      },
      async (emulator) => {
        // A policy-failed task needs no render, which keeps this quick.
        const { task_id } = (await createTask(emulator, { prompt: "nope nope" })).body.data;
        expect((await createTask(emulator, { prompt: "blocked while submitted" })).body.code).toBe(1303);
        await waitForTask(emulator, task_id, ["processing"]);
        expect((await createTask(emulator, { prompt: "blocked while processing" })).body.code).toBe(1303);
        await waitForTask(emulator, task_id);
        expect((await createTask(emulator, { prompt: "nope, free again" })).status).toBe(200);
      },
    );
  });
});

describe("resource pack balance", () => {
  it("creates draw units down; a task that does not fit is 429/1102; an empty pack refuses everything", async () => {
    await withEmulator(
      { balanceUnits: 5, submittedMs: 3_600_000, concurrencyLimit: 10 },
      async (emulator) => {
        const tooBig = await createTask(emulator, { prompt: "a", model_name: "kling-v2-master" });
        expect([tooBig.status, tooBig.body.code]).toEqual([429, 1102]);
        expect(tooBig.body.message).toBe(
          "Resource pack exhausted: this task needs 10 units but the resource pack has 5 left",
        );
        expect((await createTask(emulator, { prompt: "a", model_name: "kling-v1-6" })).status).toBe(200); // 2
        const pro = await createTask(emulator, { prompt: "a", model_name: "kling-v1", mode: "pro" }); // 3.5
        expect(pro.body.message).toBe(
          "Resource pack exhausted: this task needs 3.5 units but the resource pack has 3 left",
        );
        expect((await createTask(emulator, { prompt: "a", model_name: "kling-v1-6" })).status).toBe(200); // 2
        expect((await createTask(emulator, { prompt: "a", model_name: "kling-v1" })).status).toBe(200); // 1
        expect(await remaining(emulator)).toBe(0);
        // Account state is checked before the body (§17.4): even an invalid request gets 1102 now.
        const empty = await createTask(emulator, { prompt: "" });
        expect([empty.status, empty.body.code]).toEqual([429, 1102]);
        expect(empty.body.message).toBe("Resource pack exhausted: the resource pack has 0 units left");
        expect((await costs(emulator)).body.data.resource_pack_subscribe_infos[0].status).toBe("runOut");
      },
    );
  });

  it("a failed task gives its units back", async () => {
    await withEmulator(
      { balanceUnits: 3, blockedWords: ["gore"], contentPolicyMode: "fail" },
      async (emulator) => {
        const { task_id } = (await createTask(emulator, { prompt: "gore", model_name: "kling-v1-6" })).body
          .data;
        expect(await remaining(emulator)).toBe(1);
        await waitForTask(emulator, task_id);
        expect(await remaining(emulator)).toBe(3);
      },
    );
  });
});

describe("GET /account/costs (KLING_API.md §13.1)", () => {
  it("returns the pack inside a nested data.code/msg wrapper", async () => {
    await withEmulator({ balanceUnits: 200, submittedMs: 3_600_000 }, async (emulator) => {
      await createTask(emulator, { prompt: "a", model_name: "kling-v2-6", mode: "pro", sound: "on" }); // 5
      const response = await costs(emulator);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ code: 0, message: "SUCCEED" });
      expect(response.body.data).toMatchObject({ code: 0, msg: "SUCCEED" });
      const [pack] = response.body.data.resource_pack_subscribe_infos;
      expect(pack).toEqual({
        resource_pack_name: "Video Generation - 200 units (emulator)",
        resource_pack_id: expect.stringMatching(/^[0-9a-f]{32}$/),
        resource_pack_type: "decreasing_total",
        total_quantity: 200,
        remaining_quantity: 195,
        purchase_time: expect.any(Number),
        effective_time: pack.purchase_time,
        invalid_time: pack.purchase_time + 365 * 24 * 3600 * 1000,
        status: "online",
      });
    });
  });

  it("filters by resource_pack_name and by the time window", async () => {
    await withEmulator({}, async (emulator) => {
      const name = encodeURIComponent("Video Generation - 1,000 units (emulator)");
      const now = Date.now();
      const match = await costs(emulator, `start_time=0&end_time=${now}&resource_pack_name=${name}`);
      expect(match.body.data.resource_pack_subscribe_infos).toHaveLength(1);
      const other = await costs(emulator, `start_time=0&end_time=${now}&resource_pack_name=Image`);
      expect(other.body.data.resource_pack_subscribe_infos).toEqual([]);
      const before = await costs(emulator, "start_time=0&end_time=1000");
      expect(before.body.data.resource_pack_subscribe_infos).toEqual([]);
    });
  });

  it.each([
    ["end_time=1", /^start_time is required: a Unix timestamp in milliseconds; got nothing$/],
    ["start_time=1", /^end_time is required/],
    [
      "start_time=yesterday&end_time=1",
      /^start_time must be a Unix timestamp in milliseconds; got "yesterday"/,
    ],
    ["start_time=5&end_time=1", "start_time must not be after end_time; got start_time=5, end_time=1"],
  ])("400/1201 for %s", async (query, message) => {
    await withEmulator({}, async (emulator) => {
      const response = await costs(emulator, query);
      expect([response.status, response.body.code]).toEqual([400, 1201]);
      if (typeof message === "string") expect(response.body.message).toBe(message);
      else expect(response.body.message).toMatch(message);
    });
  });

  it("remaining_quantity can lag like the real 12 h statistics (costsDelayMs)", async () => {
    await withEmulator({ costsDelayMs: 60_000, submittedMs: 3_600_000 }, async (emulator) => {
      await createTask(emulator, { prompt: "a", model_name: "kling-v2-master" });
      expect(await remaining(emulator)).toBe(1000);
      // The live balance is not delayed: creates are still checked against it.
      expect(emulator.tasks()[0].units).toBe(10);
    });
  });
});

describe("content policy (blocked words)", () => {
  it("reject mode: 400/1301 at create naming the word; whole words only; negative_prompt is not checked", async () => {
    await withEmulator({ blockedWords: ["gore", "dark magic"], submittedMs: 3_600_000 }, async (emulator) => {
      const blocked = await createTask(emulator, { prompt: "A bloody GORE scene" });
      expect([blocked.status, blocked.body.code]).toEqual([400, 1301]);
      expect(blocked.body.message).toBe(
        `The prompt triggered the platform's content security policy (blocked word "gore"); please change the input`,
      );
      expect((await createTask(emulator, { prompt: "dark magic rising" })).body.code).toBe(1301);
      const shots = [{ index: 1, prompt: "gore", duration: "3" }];
      const multi = await createTask(emulator, {
        model_name: "kling-v3",
        duration: "3",
        multi_shot: true,
        shot_type: "customize",
        multi_prompt: shots,
      });
      expect(multi.body.code).toBe(1301);
      expect((await createTask(emulator, { prompt: "a gorezone arcade" })).status).toBe(200);
      expect((await createTask(emulator, { prompt: "a calm lake", negative_prompt: "gore" })).status).toBe(
        200,
      );
      expect(emulator.tasks()).toHaveLength(2);
    });
  });

  it("fail mode: the task is created, then fails with a task_status_msg and charges nothing", async () => {
    await withEmulator({ blockedWords: ["gore"], contentPolicyMode: "fail" }, async (emulator) => {
      const created = await createTask(emulator, {
        prompt: "gore everywhere",
        model_name: "kling-v3",
        duration: "3",
      });
      expect(created.status).toBe(200);
      const { task, seen } = await waitForTask(emulator, created.body.data.task_id);
      expect(seen).toEqual(["submitted", "processing", "failed"]);
      expect(task.task_status_msg).toMatch(/^Failure to pass the risk control system: .*"gore"/);
      expect(task.task_result).toEqual({});
      expect(task.final_unit_deduction).toBe("0");
      // The envelope still says SUCCEED: the failure is only in the task (KLING_API.md §3 quirk).
      const response = await call(emulator, "GET", `/v1/videos/text2video/${task.task_id}`);
      expect(response.body).toMatchObject({ code: 0, message: "SUCCEED" });
    });
  });
});
