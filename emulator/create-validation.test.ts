import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "./server";
import { call, createTask, startTestEmulator, TASK_ID, UUID_V4 } from "./test-support";

// Tasks here never leave "submitted" (1 h queue), so nothing renders.
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startTestEmulator({
    submittedMs: 3_600_000,
    concurrencyLimit: 1000,
    balanceUnits: 1_000_000,
  });
});
afterAll(() => emulator.close());

const V1_CAMERA = { model_name: "kling-v1", mode: "std", duration: "5", prompt: "a lighthouse" };
const simple = (config: Record<string, number>) => ({ type: "simple", config });

async function expectRejected(
  body: Record<string, unknown>,
  status: number,
  code: number,
  message: RegExp | string,
) {
  const response = await createTask(emulator, body);
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.code).toBe(code);
  expect(response.body).not.toHaveProperty("data");
  expect(response.body.request_id).toMatch(UUID_V4);
  if (typeof message === "string") expect(response.body.message).toBe(message);
  else expect(response.body.message).toMatch(message);
}

async function expectAccepted(body: Record<string, unknown>) {
  const response = await createTask(emulator, body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.data;
}

function recordOf(taskId: string) {
  const record = emulator.tasks().find((task) => task.taskId === taskId);
  if (!record) throw new Error(`no record for ${taskId}`);
  return record;
}

describe("create: the response (KLING_API.md §4.3)", () => {
  it("returns the submitted task in the envelope", async () => {
    const response = await createTask(emulator, { prompt: "a red fox", external_task_id: "create-shape-1" });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: 0, message: "SUCCEED" });
    expect(response.body.request_id).toMatch(UUID_V4);
    const data = response.body.data;
    expect(Object.keys(data).sort()).toEqual([
      "created_at",
      "task_id",
      "task_info",
      "task_status",
      "updated_at",
    ]);
    expect(data.task_id).toMatch(TASK_ID);
    expect(data.task_status).toBe("submitted");
    expect(data.task_info).toEqual({ external_task_id: "create-shape-1" });
    expect(data.created_at).toBe(data.updated_at);
    expect(Math.abs(data.created_at - Date.now())).toBeLessThan(5000);
  });

  it("task_info is {} without external_task_id, and an empty external_task_id counts as none", async () => {
    expect((await expectAccepted({ prompt: "a" })).task_info).toEqual({});
    expect((await expectAccepted({ prompt: "a", external_task_id: "" })).task_info).toEqual({});
  });

  it("applies the documented defaults: kling-v1, std, 16:9, 5 s, sound off, cfg 0.5", async () => {
    const { task_id } = await expectAccepted({ prompt: "defaults" });
    expect(recordOf(task_id).request).toMatchObject({
      modelName: "kling-v1",
      mode: "std",
      aspectRatio: "16:9",
      durationSec: 5,
      sound: false,
      cfgScale: 0.5,
      negativePrompt: "",
      cameraControl: null,
      watermark: false,
    });
  });
});

describe("create: field rules (KLING_API.md §6) -> 400/1201 naming field, value and rule", () => {
  it.each([
    ["prompt missing", {}, /^prompt must be a non-empty string when multi_shot is false; got nothing$/],
    ["prompt blank", { prompt: "   " }, /prompt must be a non-empty string/],
    ["prompt not a string", { prompt: 42 }, /^prompt must be a string; got 42 \(number\)$/],
    [
      "prompt too long",
      { prompt: "x".repeat(2501) },
      "prompt must be at most 2500 characters; got 2501 characters",
    ],
    [
      "negative_prompt too long",
      { prompt: "a", negative_prompt: "n".repeat(2501) },
      /^negative_prompt must be at most 2500/,
    ],
    [
      "cfg_scale above 1",
      { prompt: "a", cfg_scale: 1.5 },
      /^cfg_scale must be a number in \[0, 1\]; got 1.5 \(number\)$/,
    ],
    [
      "cfg_scale as string",
      { prompt: "a", cfg_scale: "0.5" },
      /^cfg_scale must be a number in \[0, 1\]; got "0.5"/,
    ],
    ["mode unknown", { prompt: "a", mode: "turbo" }, /^mode must be one of "std", "pro", "4k"; got "turbo"/],
    [
      "mode 4k off kling-v3",
      { prompt: "a", model_name: "kling-v2-6", mode: "4k" },
      /^mode must be one of "std", "pro" for kling-v2-6; got "4k"/,
    ],
    [
      "aspect_ratio unknown",
      { prompt: "a", aspect_ratio: "4:3" },
      /^aspect_ratio must be one of "16:9", "9:16", "1:1"; got "4:3"/,
    ],
    ["sound unknown", { prompt: "a", sound: "loud" }, /^sound must be one of "on", "off"; got "loud"/],
    [
      "duration not a whole number",
      { prompt: "a", duration: "5.5" },
      /^duration must be a whole number of seconds/,
    ],
    [
      "duration 7 on kling-v2-6",
      { prompt: "a", model_name: "kling-v2-6", duration: "7" },
      /^duration must be "5" or "10" for kling-v2-6; got "7"/,
    ],
    [
      "duration 20 anywhere",
      { prompt: "a", model_name: "kling-v3", duration: "20" },
      /^duration must be "5" or "10" \("3" to "15" on kling-v3\); got "20"/,
    ],
    [
      "sound on a silent model",
      { prompt: "a", model_name: "kling-v1-6", sound: "on" },
      /^sound must be "off" for kling-v1-6/,
    ],
    [
      "sound on v2-6 std",
      { prompt: "a", model_name: "kling-v2-6", mode: "std", sound: "on" },
      'sound "on" requires mode "pro" for kling-v2-6; got mode "std"',
    ],
    ["model_name not a string", { prompt: "a", model_name: 3 }, /^model_name must be a string; got 3/],
    [
      "image-to-video-only model",
      { prompt: "a", model_name: "kling-v1-5" },
      /^model_name must be a text-to-video model; got "kling-v1-5", which is image-to-video only/,
    ],
    ["omni-only model", { prompt: "a", model_name: "kling-video-o1" }, /which is omni-video only/],
    [
      "watermark_info not an object",
      { prompt: "a", watermark_info: true },
      /^watermark_info must be an object/,
    ],
    [
      "watermark_info.enabled not boolean",
      { prompt: "a", watermark_info: { enabled: "yes" } },
      /^watermark_info.enabled must be a boolean; got "yes"/,
    ],
    [
      "callback_url not a URL",
      { prompt: "a", callback_url: "ftp://x" },
      /^callback_url must be an absolute http\(s\) URL; got "ftp:\/\/x"/,
    ],
    [
      "external_task_id not a string",
      { prompt: "a", external_task_id: 12 },
      /^external_task_id must be a string; got 12/,
    ],
    [
      "body is an array",
      [] as unknown as Record<string, unknown>,
      /^request body must be a JSON object; got array/,
    ],
  ])("%s", async (_name, body, message) => {
    await expectRejected(body as Record<string, unknown>, 400, 1201, message);
  });

  it("accepts 2500 characters, counting an emoji as one", async () => {
    await expectAccepted({ prompt: "x".repeat(2500) });
    await expectAccepted({ prompt: "🦊".repeat(2500) });
  });

  it("400/1200 for a body that is not JSON at all", async () => {
    const response = await call(emulator, "POST", "/v1/videos/text2video", { rawBody: "{not json" });
    expect([response.status, response.body.code]).toEqual([400, 1200]);
    expect(response.body.message).toMatch(/body must be valid JSON/);
    const empty = await call(emulator, "POST", "/v1/videos/text2video", { rawBody: "" });
    expect(empty.body.code).toBe(1200);
  });
});

describe("create: models (KLING_API.md §9) -> 404/1203", () => {
  it("unknown model", async () => {
    await expectRejected(
      { prompt: "a", model_name: "kling-v9" },
      404,
      1203,
      /^The model 'kling-v9' does not exist; text-to-video models are kling-v1, /,
    );
  });

  it("retired models answer with the live discontinued message, including the default model", async () => {
    const retiring = await startTestEmulator({
      retiredModels: ["kling-v1", "kling-v2-master"],
      submittedMs: 3_600_000,
    });
    try {
      for (const body of [
        { prompt: "a" },
        { prompt: "a", model_name: "kling-v1" },
        { prompt: "a", model_name: "kling-v2-master" },
      ]) {
        const response = await createTask(retiring, body);
        expect([response.status, response.body.code]).toEqual([404, 1203]);
        const name = body.model_name ?? "kling-v1";
        expect(response.body.message).toBe(
          `The model '${name}' has been discontinued and is no longer available.`,
        );
      }
      expect((await createTask(retiring, { prompt: "a", model_name: "kling-v2-6" })).status).toBe(200);
    } finally {
      await retiring.close();
    }
  });

  it("accepts every legacy text-to-video model at std 5 s", async () => {
    for (const model_name of [
      "kling-v1",
      "kling-v1-6",
      "kling-v2-master",
      "kling-v2-1-master",
      "kling-v2-5-turbo",
      "kling-v2-6",
      "kling-v3",
    ]) {
      await expectAccepted({ prompt: "a", model_name });
    }
  });

  it("field checks come before the model check (validation order §17.4)", async () => {
    await expectRejected(
      { prompt: "a", model_name: "kling-v9", aspect_ratio: "2:1" },
      400,
      1201,
      /^aspect_ratio/,
    );
  });
});

describe("create: camera_control (KLING_API.md §4.2)", () => {
  it("accepts one non-zero axis on kling-v1 std 5 s, and every preset type without config", async () => {
    await expectAccepted({ ...V1_CAMERA, camera_control: simple({ zoom: 5 }) });
    await expectAccepted({
      ...V1_CAMERA,
      camera_control: simple({ horizontal: 0, vertical: -10, pan: 0, tilt: 0, roll: 0, zoom: 0 }),
    });
    for (const type of ["down_back", "forward_up", "right_turn_forward", "left_turn_forward"]) {
      await expectAccepted({ ...V1_CAMERA, camera_control: { type } });
    }
  });

  it.each([
    [
      "two non-zero axes",
      simple({ zoom: 3, pan: 2 }),
      "camera_control.config must have exactly one non-zero axis; got pan=2 and zoom=3",
    ],
    [
      "all zero",
      simple({ zoom: 0 }),
      "camera_control.config must have exactly one non-zero axis; got all six are 0",
    ],
    [
      "axis out of range",
      simple({ roll: 11 }),
      /^camera_control.config.roll must be a number in \[-10, 10\]; got 11 \(number\)$/,
    ],
    [
      "axis not a number",
      simple({ tilt: "2" as unknown as number }),
      /^camera_control.config.tilt must be a number/,
    ],
    [
      "unknown type",
      { type: "orbit" },
      /^camera_control.type must be one of simple, down_back, forward_up, right_turn_forward, left_turn_forward; got "orbit"/,
    ],
    [
      "simple without config",
      { type: "simple" },
      /^camera_control.config must be an object when camera_control.type is "simple"; got nothing$/,
    ],
    [
      "preset with config",
      { type: "down_back", config: { zoom: 1 } },
      /^camera_control.config must be omitted when camera_control.type is "down_back"/,
    ],
    ["not an object", "zoom", /^camera_control must be an object; got "zoom"/],
  ])("rejects %s", async (_name, camera_control, message) => {
    await expectRejected({ ...V1_CAMERA, camera_control }, 400, 1201, message);
  });

  it.each([
    ["kling-v1 pro", { mode: "pro" }],
    ["kling-v1 10 s", { duration: "10" }],
    ["another model", { model_name: "kling-v2-6" }],
  ])("is text-to-video only on kling-v1 std 5 s: rejects %s", async (_name, change) => {
    await expectRejected(
      { ...V1_CAMERA, ...change, camera_control: simple({ zoom: 5 }) },
      400,
      1201,
      /^camera_control is only supported for text-to-video by kling-v1 in std mode with duration "5"; got model_name=/,
    );
  });
});

describe("create: kling-v3 (3-15 s, 4k, audio, multi-shot)", () => {
  it("accepts 3 to 15 s, 4k, and sound in std and pro", async () => {
    await expectAccepted({ prompt: "a", model_name: "kling-v3", duration: "3" });
    await expectAccepted({ prompt: "a", model_name: "kling-v3", duration: "15", mode: "4k" });
    await expectAccepted({ prompt: "a", model_name: "kling-v3", mode: "std", sound: "on" });
    await expectRejected(
      { prompt: "a", model_name: "kling-v2-5-turbo", duration: "3" },
      400,
      1201,
      /for kling-v2-5-turbo; got "3"/,
    );
  });

  it("multi_shot customize: shots replace the prompt and must add up to the duration", async () => {
    const shots = [
      { index: 1, prompt: "a dog wakes up", duration: "2" },
      { index: 2, prompt: "the dog runs", duration: "3" },
    ];
    const { task_id } = await expectAccepted({
      model_name: "kling-v3",
      multi_shot: true,
      shot_type: "customize",
      multi_prompt: shots,
      duration: "5",
    });
    expect(recordOf(task_id).request.multiShot?.shots.map((s) => s.durationSec)).toEqual([2, 3]);
    await expectRejected(
      {
        model_name: "kling-v3",
        multi_shot: true,
        shot_type: "customize",
        multi_prompt: shots,
        duration: "6",
      },
      400,
      1201,
      'multi_prompt durations must add up to duration "6"; got 2 + 3 = 5',
    );
  });

  it.each([
    [
      "shot_type missing",
      { multi_shot: true },
      /^shot_type must be "customize" or "intelligence" when multi_shot is true; got nothing/,
    ],
    [
      "no shots",
      { multi_shot: true, shot_type: "customize", multi_prompt: [] },
      /^multi_prompt must be an array of 1 to 6 shots/,
    ],
    [
      "seven shots",
      {
        multi_shot: true,
        shot_type: "customize",
        multi_prompt: Array(7).fill({ index: 1, prompt: "a", duration: "1" }),
      },
      /^multi_prompt must be an array of 1 to 6 shots/,
    ],
    [
      "shot prompt too long",
      {
        multi_shot: true,
        shot_type: "customize",
        multi_prompt: [{ index: 1, prompt: "p".repeat(513), duration: "5" }],
      },
      /^multi_prompt\[0\].prompt must be at most 512 characters; got 513/,
    ],
    [
      "shot longer than total",
      {
        multi_shot: true,
        shot_type: "customize",
        duration: "5",
        multi_prompt: [{ index: 1, prompt: "a", duration: "6" }],
      },
      /^multi_prompt\[0\].duration must be between 1 and the total duration 5; got "6"/,
    ],
    [
      "intelligence without prompt",
      { multi_shot: true, shot_type: "intelligence" },
      /^prompt must be a non-empty string when shot_type is "intelligence"/,
    ],
    [
      "multi_shot not boolean",
      { prompt: "a", multi_shot: "yes" },
      /^multi_shot must be a boolean; got "yes"/,
    ],
  ])("rejects %s", async (_name, body, message) => {
    await expectRejected({ model_name: "kling-v3", ...body }, 400, 1201, message);
  });

  it("rejects multi_shot on other models", async () => {
    await expectRejected(
      { prompt: "a", model_name: "kling-v2-6", multi_shot: true, shot_type: "intelligence" },
      400,
      1201,
      "multi_shot is only supported by kling-v3; got model_name=kling-v2-6",
    );
  });
});

describe("create: choices where the contract is silent (README)", () => {
  it("cfg_scale on v2.x and v3 is range-checked, then ignored", async () => {
    const { task_id } = await expectAccepted({ prompt: "a", model_name: "kling-v2-6", cfg_scale: 0.9 });
    expect(recordOf(task_id).request).toMatchObject({ cfgScale: 0.9, cfgScaleApplied: false });
    const v1 = await expectAccepted({ prompt: "a", model_name: "kling-v1-6", cfg_scale: 0.9 });
    expect(recordOf(v1.task_id).request.cfgScaleApplied).toBe(true);
    await expectRejected({ prompt: "a", model_name: "kling-v2-6", cfg_scale: 2 }, 400, 1201, /^cfg_scale/);
  });

  it("master models accept and ignore mode (priced and rendered as their single tier)", async () => {
    const { task_id } = await expectAccepted({ prompt: "a", model_name: "kling-v2-master", mode: "pro" });
    expect(recordOf(task_id).request.mode).toBe("std");
    expect(recordOf(task_id).units).toBe(10);
  });

  it("negative_prompt is accepted on every model", async () => {
    await expectAccepted({ prompt: "a", model_name: "kling-v2-5-turbo", negative_prompt: "blur" });
  });

  it("duration may be an integer number as well as a string", async () => {
    const { task_id } = await expectAccepted({ prompt: "a", duration: 10 });
    expect(recordOf(task_id).request.durationSec).toBe(10);
  });

  it("the legacy `model` field is ignored (same as an empty model_name)", async () => {
    const { task_id } = await expectAccepted({ prompt: "a", model: "kling-v2-6" });
    expect(recordOf(task_id).request.modelName).toBe("kling-v1");
  });

  it("unknown fields are ignored", async () => {
    await expectAccepted({ prompt: "a", motion_has_audio: true, seed: 3 });
  });

  it("duplicate external_task_id -> 400/1201 naming the existing task", async () => {
    const first = await expectAccepted({ prompt: "a", external_task_id: "dup-1" });
    await expectRejected(
      { prompt: "b", external_task_id: "dup-1" },
      400,
      1201,
      `external_task_id must be unique within the account; got "dup-1", already used by task ${first.task_id}`,
    );
    expect(emulator.tasks().filter((task) => task.externalTaskId === "dup-1")).toHaveLength(1);
  });
});
