import { invalidParameter, resourceNotFound } from "./errors";
import {
  ASPECT_RATIOS,
  type AspectRatio,
  DEFAULT_MODEL,
  findTextToVideoModel,
  MODES,
  type Mode,
  type ModelCapabilities,
  NOT_TEXT_TO_VIDEO,
  TEXT_TO_VIDEO_MODELS,
} from "./models";
import { type CameraControl, checkCameraSupport, parseCameraControl } from "./validation-camera";
import {
  describeValue,
  isPlainObject,
  optionalEnum,
  optionalString,
  parseSeconds,
  rejectField,
} from "./validation-helpers";
import { checkShotDurations, type MultiShot, parseMultiShot } from "./validation-multishot";

/** A create request after validation, with every default applied. */
export interface TextToVideoRequest {
  modelName: string;
  /** "std" for master models, which ignore mode. */
  mode: Mode;
  durationSec: number;
  aspectRatio: AspectRatio;
  sound: boolean;
  prompt: string;
  negativePrompt: string;
  /** As sent (default 0.5); applied only where the model supports it. */
  cfgScale: number;
  cfgScaleApplied: boolean;
  cameraControl: CameraControl | null;
  multiShot: MultiShot | null;
  watermark: boolean;
  callbackUrl: string | null;
  externalTaskId: string | null;
}

const PROMPT_MAX = 2500;
const ANY_DURATION = { min: 3, max: 15 };

export function parseTextToVideoRequest(body: unknown, retiredModels: readonly string[]): TextToVideoRequest {
  if (!isPlainObject(body)) throw rejectField("request body", "be a JSON object", body);
  const fields = parseFieldShapes(body);
  const model = resolveModel(body.model_name, retiredModels);
  return applyCapabilities(fields, model);
}

type FieldShapes = Omit<TextToVideoRequest, "modelName" | "cfgScaleApplied">;

/** Rules that hold for every model: types, enums, ranges, lengths. */
function parseFieldShapes(body: Record<string, unknown>): FieldShapes {
  const multiShot = parseMultiShot(body);
  const prompt = optionalString(body, "prompt", PROMPT_MAX) ?? "";
  const promptRequired = multiShot === null || multiShot.shotType === "intelligence";
  if (promptRequired && prompt.trim() === "") {
    const when = multiShot ? 'when shot_type is "intelligence"' : "when multi_shot is false";
    throw rejectField("prompt", `be a non-empty string ${when}`, body.prompt);
  }
  const durationSec =
    body.duration === undefined || body.duration === null ? 5 : parseSeconds("duration", body.duration);
  if (durationSec < ANY_DURATION.min || durationSec > ANY_DURATION.max) {
    throw rejectField("duration", 'be "5" or "10" ("3" to "15" on kling-v3)', body.duration);
  }
  return {
    mode: optionalEnum(body, "mode", MODES) ?? "std",
    durationSec,
    aspectRatio: optionalEnum(body, "aspect_ratio", ASPECT_RATIOS) ?? "16:9",
    sound: (optionalEnum(body, "sound", ["on", "off"] as const) ?? "off") === "on",
    prompt,
    negativePrompt: optionalString(body, "negative_prompt", PROMPT_MAX) ?? "",
    cfgScale: parseCfgScale(body.cfg_scale),
    cameraControl: parseCameraControl(body.camera_control),
    multiShot,
    watermark: parseWatermark(body.watermark_info),
    callbackUrl: parseCallbackUrl(body.callback_url),
    externalTaskId: parseExternalTaskId(body.external_task_id),
  };
}

function resolveModel(value: unknown, retiredModels: readonly string[]): ModelCapabilities {
  // The legacy `model` field is deliberately not read: the docs say it behaves like an empty model_name.
  if (value !== undefined && value !== null && typeof value !== "string") {
    throw rejectField("model_name", "be a string", value);
  }
  const name = value || DEFAULT_MODEL;
  if (retiredModels.includes(name)) {
    throw resourceNotFound(`The model '${name}' has been discontinued and is no longer available.`);
  }
  const elsewhere = NOT_TEXT_TO_VIDEO[name];
  if (elsewhere) {
    throw invalidParameter(`model_name must be a text-to-video model; got "${name}", which is ${elsewhere}`);
  }
  const model = findTextToVideoModel(name);
  if (!model) {
    const known = TEXT_TO_VIDEO_MODELS.map((m) => m.name).join(", ");
    throw resourceNotFound(`The model '${name}' does not exist; text-to-video models are ${known}`);
  }
  return model;
}

/** Rules from the capability matrix (KLING_API.md §9.2). */
function applyCapabilities(fields: FieldShapes, model: ModelCapabilities): TextToVideoRequest {
  const name = model.name;
  if (!model.modes.includes(fields.mode)) {
    throw rejectField(
      "mode",
      `be one of ${model.modes.map((m) => `"${m}"`).join(", ")} for ${name}`,
      fields.mode,
    );
  }
  const mode: Mode = model.ignoresMode ? "std" : fields.mode;
  if (!model.durations.includes(fields.durationSec)) {
    const allowed =
      model.durations.length === 2 ? '"5" or "10"' : `"${model.durations[0]}" to "${model.durations.at(-1)}"`;
    throw rejectField("duration", `be ${allowed} for ${name}`, String(fields.durationSec));
  }
  if (fields.sound) checkSoundSupport(model, mode);
  if (fields.cameraControl) checkCameraSupport(model, mode, fields.durationSec);
  if (fields.multiShot) {
    if (!model.multiShot) {
      throw invalidParameter(`multi_shot is only supported by kling-v3; got model_name=${name}`);
    }
    checkShotDurations(fields.multiShot, fields.durationSec);
  }
  return { ...fields, modelName: name, mode, cfgScaleApplied: model.cfgScale };
}

function checkSoundSupport(model: ModelCapabilities, mode: Mode): void {
  if (model.sound === "none") {
    throw invalidParameter(
      `sound must be "off" for ${model.name} (native audio exists only on kling-v2-6 pro and kling-v3); got "on"`,
    );
  }
  if (model.sound === "pro" && mode !== "pro") {
    throw invalidParameter(`sound "on" requires mode "pro" for ${model.name}; got mode "${mode}"`);
  }
}

function parseCfgScale(value: unknown): number {
  if (value === undefined || value === null) return 0.5;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw rejectField("cfg_scale", "be a number in [0, 1]", value);
  }
  return value;
}

function parseWatermark(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (!isPlainObject(value))
    throw rejectField("watermark_info", 'be an object such as {"enabled": true}', value);
  const enabled = value.enabled ?? false;
  if (typeof enabled !== "boolean") throw rejectField("watermark_info.enabled", "be a boolean", enabled);
  return enabled;
}

function parseCallbackUrl(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string") {
    try {
      const url = new URL(value);
      if (url.protocol === "http:" || url.protocol === "https:") return value;
    } catch {
      // Reported below with the value.
    }
  }
  throw rejectField("callback_url", "be an absolute http(s) URL", value);
}

function parseExternalTaskId(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") throw rejectField("external_task_id", "be a string", value);
  if (value.length > 256) {
    throw invalidParameter(
      `external_task_id must be at most 256 characters; got ${value.length} (${describeValue(value)})`,
    );
  }
  return value;
}
