import path from "node:path";
import { mediaFileName } from "./media-urls";
import { findTextToVideoModel, frameSize, type VideoSize } from "./models";
import type { RenderJob, RenderShot } from "./render/types";
import type { TaskRecord } from "./tasks";

/** Translates a task into the plain render instructions the render process understands. */
export function renderJobFor(task: TaskRecord, mediaDir: string, videoSize: VideoSize): RenderJob {
  const request = task.request;
  const model = findTextToVideoModel(request.modelName);
  if (!model) throw new Error(`render: model_name '${request.modelName}' is not a text-to-video model`);
  const { width, height } = frameSize(model, request.mode, request.aspectRatio, videoSize);
  return {
    outputPath: path.join(mediaDir, mediaFileName(task.videoId, "video")),
    watermarkOutputPath: request.watermark
      ? path.join(mediaDir, mediaFileName(task.videoId, "watermark"))
      : null,
    width,
    height,
    fps: model.fps,
    durationSec: request.durationSec,
    modelName: request.modelName,
    modeLabel: model.ignoresMode ? "no mode" : request.mode,
    aspectRatio: request.aspectRatio,
    sound: request.sound,
    negativePrompt: request.negativePrompt,
    camera: request.cameraControl,
    shots: shotsFor(task),
  };
}

function shotsFor(task: TaskRecord): RenderShot[] {
  const { multiShot, prompt, durationSec } = task.request;
  if (multiShot?.shotType === "customize") {
    return multiShot.shots.map((shot) => ({ prompt: shot.prompt, durationSec: shot.durationSec }));
  }
  if (multiShot?.shotType === "intelligence") return splitIntoShots(prompt, durationSec);
  return [{ prompt, durationSec }];
}

/** "intelligence" multi-shot: one shot per sentence (at most 6, at least 1 s each), like a storyboard. */
function splitIntoShots(prompt: string, durationSec: number): RenderShot[] {
  const sentences = prompt
    .split(/(?<=[.!?。])\s+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean)
    .slice(0, Math.min(6, durationSec));
  if (sentences.length <= 1) return [{ prompt, durationSec }];
  const base = Math.floor(durationSec / sentences.length);
  const extra = durationSec - base * sentences.length;
  return sentences.map((sentence, i) => ({ prompt: sentence, durationSec: base + (i < extra ? 1 : 0) }));
}
