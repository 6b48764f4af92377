import { invalidParameter } from "./errors";
import type { Mode, ModelCapabilities } from "./models";
import { describeValue, isPlainObject, rejectField } from "./validation-helpers";

export const CAMERA_TYPES = [
  "simple",
  "down_back",
  "forward_up",
  "right_turn_forward",
  "left_turn_forward",
] as const;
export type CameraType = (typeof CAMERA_TYPES)[number];

export const CAMERA_AXES = ["horizontal", "vertical", "pan", "tilt", "roll", "zoom"] as const;
export type CameraAxis = (typeof CAMERA_AXES)[number];
export type CameraConfig = Record<CameraAxis, number>;

export interface CameraControl {
  type: CameraType;
  /** Present exactly when type is "simple". */
  config: CameraConfig | null;
}

/** Shape rules of camera_control (KLING_API.md §4.2), independent of the model. */
export function parseCameraControl(value: unknown): CameraControl | null {
  if (value === undefined || value === null) return null;
  if (!isPlainObject(value)) throw rejectField("camera_control", "be an object", value);
  const type = value.type;
  if (typeof type !== "string" || !CAMERA_TYPES.includes(type as CameraType)) {
    throw rejectField("camera_control.type", `be one of ${CAMERA_TYPES.join(", ")}`, type);
  }
  const rawConfig = value.config;
  if (type !== "simple") {
    if (rawConfig !== undefined && rawConfig !== null) {
      throw invalidParameter(
        `camera_control.config must be omitted when camera_control.type is "${type}" (only "simple" takes a config); got ${describeValue(rawConfig)}`,
      );
    }
    return { type: type as CameraType, config: null };
  }
  if (!isPlainObject(rawConfig)) {
    throw rejectField(
      "camera_control.config",
      'be an object when camera_control.type is "simple"',
      rawConfig,
    );
  }
  return { type: "simple", config: parseSimpleConfig(rawConfig) };
}

/** T2V camera control exists only for kling-v1 in std mode at 5 s (capability map). */
export function checkCameraSupport(model: ModelCapabilities, mode: Mode, durationSec: number): void {
  const support = model.cameraControl;
  if (support && support.mode === mode && support.durationSec === durationSec) return;
  throw invalidParameter(
    `camera_control is only supported for text-to-video by kling-v1 in std mode with duration "5"; got model_name=${model.name}, mode=${mode}, duration="${durationSec}"`,
  );
}

function parseSimpleConfig(raw: Record<string, unknown>): CameraConfig {
  const config = {} as CameraConfig;
  for (const axis of CAMERA_AXES) {
    const value = raw[axis] ?? 0;
    if (typeof value !== "number" || !Number.isFinite(value) || value < -10 || value > 10) {
      throw rejectField(`camera_control.config.${axis}`, "be a number in [-10, 10]", value);
    }
    config[axis] = value;
  }
  const nonZero = CAMERA_AXES.filter((axis) => config[axis] !== 0);
  if (nonZero.length !== 1) {
    const got =
      nonZero.length === 0 ? "all six are 0" : nonZero.map((axis) => `${axis}=${config[axis]}`).join(" and ");
    throw invalidParameter(`camera_control.config must have exactly one non-zero axis; got ${got}`);
  }
  return config;
}
