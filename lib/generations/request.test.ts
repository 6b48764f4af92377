import { describe, expect, it } from "vitest";
import { defaultDraft, draftToRequest } from "@/lib/generations/draft";
import {
  buildGenerationRequestSchema,
  buildSubmitGenerationSchema,
  parseStoredRequest,
  toKlingCreateBody,
} from "@/lib/generations/request";
import { DEFAULT_CATALOG } from "@/lib/kling/catalog";

const schema = buildGenerationRequestSchema(DEFAULT_CATALOG);
const base = {
  prompt: "A lighthouse in a storm",
  model: "kling-v1",
  mode: "std",
  duration: 5,
  aspectRatio: "16:9",
} as const;
const zoom = (value: number) => ({
  type: "simple" as const,
  config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: value },
});

describe("generation request schema", () => {
  it("accepts camera control where the matrix allows it and builds Kling's body", () => {
    const request = schema.parse({ ...base, camera: zoom(5), negativePrompt: "blur", cfgScale: 0.6 });
    expect(toKlingCreateBody(DEFAULT_CATALOG, request, { externalTaskId: "gen-1" })).toEqual({
      model_name: "kling-v1",
      prompt: "A lighthouse in a storm",
      negative_prompt: "blur",
      cfg_scale: 0.6,
      mode: "std",
      aspect_ratio: "16:9",
      duration: "5",
      camera_control: {
        type: "simple",
        config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 5 },
      },
      external_task_id: "gen-1",
    });
  });

  it("omits mode for mode-less models and sends sound only to models that have it", () => {
    const master = schema.parse({ ...base, model: "kling-v2-master" });
    expect(toKlingCreateBody(DEFAULT_CATALOG, master, { externalTaskId: "x" })).not.toHaveProperty("mode");
    expect(toKlingCreateBody(DEFAULT_CATALOG, master, { externalTaskId: "x" })).not.toHaveProperty("sound");
    const v26 = schema.parse({ ...base, model: "kling-v2-6", mode: "pro", sound: true });
    expect(
      toKlingCreateBody(DEFAULT_CATALOG, v26, {
        externalTaskId: "x",
        callbackUrl: "https://studio.example/api/kling/callback",
      }),
    ).toMatchObject({
      sound: "on",
      callback_url: "https://studio.example/api/kling/callback",
    });
  });

  it.each([
    [{ camera: zoom(5), duration: 10 }, "camera", "Camera movement on Kling 1.0: Standard mode, 5 s only"],
    [{ camera: zoom(0) }, "camera", "Camera movement simple needs exactly one non-zero axis; all are 0"],
    [
      { camera: { type: "down_back", config: zoom(3).config } },
      "camera",
      "Camera movement down_back is a preset and takes no axis values",
    ],
    [{ camera: zoom(11) }, "camera", "must be ≤ 10"],
    [
      { model: "kling-v1-5" },
      "model",
      "Model kling-v1-5 is not offered; choose one of kling-v3, kling-v2-6, kling-v2-5-turbo, kling-v2-1-master, kling-v2-master, kling-v1-6, kling-v1",
    ],
    [{ model: "kling-v3", duration: 20 }, "duration", "Kling 3.0 Standard supports 3–15 s; got 20 s"],
    [{ prompt: "   " }, "prompt", "Prompt is required"],
    [{ aspectRatio: "4:3" }, "aspectRatio", "Aspect ratio must be one of 16:9, 9:16, 1:1"],
    [{ cfgScale: 1.5 }, "cfgScale", "CFG scale must be between 0 and 1"],
  ])("refuses %j naming the field and the rule", (change, field, message) => {
    const result = schema.safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) => candidate.path[0] === field);
    expect(issue?.message).toContain(message);
  });
});

describe("the studio form and the server action validate alike", () => {
  const submit = buildSubmitGenerationSchema(DEFAULT_CATALOG);
  const messages = (result: {
    success: boolean;
    error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
  }) =>
    result.success
      ? []
      : (result.error?.issues ?? []).map((issue) => `${String(issue.path[0])}: ${issue.message}`);

  it.each([
    ["an empty prompt", { prompt: "   " }],
    ["an over-long prompt", { prompt: "x".repeat(2501) }],
    ["a simple camera move with no axis", { camera: zoom(0) }],
    ["a duration the model lacks", { duration: 20 }],
  ])("gives the same field messages for %s", (_name, change) => {
    const draft = { ...defaultDraft(DEFAULT_CATALOG), prompt: "A fox" };
    const request = { ...draftToRequest(DEFAULT_CATALOG, draft), ...change };
    const inBrowser = messages(schema.safeParse(request));
    expect(inBrowser.length).toBeGreaterThan(0);
    expect(messages(submit.safeParse({ ...request, parentId: null }))).toEqual(inBrowser);
  });

  it("passes a valid request with its remix parent through", () => {
    const request = draftToRequest(DEFAULT_CATALOG, { ...defaultDraft(DEFAULT_CATALOG), prompt: "A fox" });
    expect(submit.parse({ ...request, parentId: "gen-1" })).toMatchObject({
      prompt: "A fox",
      parentId: "gen-1",
    });
  });
});

describe("a stored request read back", () => {
  it("parses what submit stored and refuses anything else with the path", () => {
    const stored = JSON.parse(JSON.stringify(schema.parse({ ...base, camera: zoom(5) })));
    expect(parseStoredRequest(stored)).toEqual(schema.parse({ ...base, camera: zoom(5) }));
    expect(() => parseStoredRequest({ prompt: "A fox" })).toThrow(
      /Stored generation request is invalid at mode/,
    );
  });
});
