import { describe, expect, it } from "vitest";
import { renderJobFor } from "./render-job";
import type { TaskRecord } from "./tasks";
import { parseTextToVideoRequest } from "./validation";

function task(body: Record<string, unknown>): TaskRecord {
  return {
    taskId: "100000000000000001",
    externalTaskId: null,
    status: "processing",
    statusMessage: "",
    createdAt: 0,
    updatedAt: 0,
    processingAt: 0,
    completedAt: null,
    expiresAt: null,
    request: parseTextToVideoRequest(body, []),
    units: 1,
    videoId: "200000000000000002",
    plannedFailure: null,
    sequence: 1,
  };
}

describe("task -> render job", () => {
  it("carries size, fps, files, camera and the HUD labels", () => {
    const camera = { type: "simple", config: { pan: 4 } };
    const job = renderJobFor(
      task({ prompt: "a", camera_control: camera, watermark_info: { enabled: true } }),
      "/m",
      "full",
    );
    expect(job).toMatchObject({
      outputPath: "/m/200000000000000002.mp4",
      watermarkOutputPath: "/m/200000000000000002-watermark.mp4",
      width: 1280,
      height: 720,
      fps: 30,
      durationSec: 5,
      modelName: "kling-v1",
      modeLabel: "std",
      sound: false,
      shots: [{ prompt: "a", durationSec: 5 }],
    });
    expect(job.camera?.config?.pan).toBe(4);
    expect(renderJobFor(task({ prompt: "a", model_name: "kling-v2-master" }), "/m", "small").modeLabel).toBe(
      "no mode",
    );
  });

  it("multi-shot: customize uses the shots; intelligence splits the prompt by sentence", () => {
    const customize = task({
      model_name: "kling-v3",
      duration: "6",
      multi_shot: true,
      shot_type: "customize",
      multi_prompt: [
        { index: 1, prompt: "one", duration: "2" },
        { index: 2, prompt: "two", duration: "4" },
      ],
    });
    expect(renderJobFor(customize, "/m", "small").shots).toEqual([
      { prompt: "one", durationSec: 2 },
      { prompt: "two", durationSec: 4 },
    ]);
    const intelligence = task({
      model_name: "kling-v3",
      duration: "7",
      multi_shot: true,
      shot_type: "intelligence",
      prompt: "A door opens. A cat walks in! It sits down.",
    });
    expect(renderJobFor(intelligence, "/m", "small").shots).toEqual([
      { prompt: "A door opens.", durationSec: 3 },
      { prompt: "A cat walks in!", durationSec: 2 },
      { prompt: "It sits down.", durationSec: 2 },
    ]);
  });
});
