// The legacy text-to-video capability matrix (KLING_API.md §9.2), owned by the emulator on purpose:
// it must not share a table with lib/ so that a wrong entry there shows up as a test failure.

export const MODES = ["std", "pro", "4k"] as const;
export type Mode = (typeof MODES)[number];

export const ASPECT_RATIOS = ["16:9", "9:16", "1:1"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export interface ModelCapabilities {
  name: string;
  /** Mode values the model accepts. */
  modes: readonly Mode[];
  /** Master models "do not support the mode parameter": the value is accepted and ignored. */
  ignoresMode: boolean;
  durations: readonly number[];
  /** "pro" = v2-6 (audio only in pro mode), "any" = every mode, "none" = sound must be off. */
  sound: "none" | "pro" | "any";
  /** Text-to-video camera_control: only kling-v1 std 5 s per the capability map. */
  cameraControl: { mode: Mode; durationSec: number } | null;
  /** Whether cfg_scale does anything; on the others it is range-checked and then ignored. */
  cfgScale: boolean;
  multiShot: boolean;
  /** Output height (short side for 9:16 it is the width) per mode. */
  resolution: Partial<Record<Mode, 720 | 1080 | 2160>>;
  fps: number;
}

const CLASSIC_DURATIONS = [5, 10] as const;
const V3_DURATIONS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] as const;

export const TEXT_TO_VIDEO_MODELS: readonly ModelCapabilities[] = [
  {
    name: "kling-v1",
    modes: ["std", "pro"],
    ignoresMode: false,
    durations: CLASSIC_DURATIONS,
    sound: "none",
    cameraControl: { mode: "std", durationSec: 5 },
    cfgScale: true,
    multiShot: false,
    // The matrix lists "720p/720p": kling-v1 pro is a better model, not a bigger picture.
    resolution: { std: 720, pro: 720 },
    fps: 30,
  },
  {
    name: "kling-v1-6",
    modes: ["std", "pro"],
    ignoresMode: false,
    durations: CLASSIC_DURATIONS,
    sound: "none",
    cameraControl: null,
    cfgScale: true,
    multiShot: false,
    resolution: { std: 720, pro: 1080 },
    fps: 24,
  },
  {
    name: "kling-v2-master",
    modes: ["std", "pro"],
    ignoresMode: true,
    durations: CLASSIC_DURATIONS,
    sound: "none",
    cameraControl: null,
    cfgScale: false,
    multiShot: false,
    resolution: { std: 720, pro: 720 },
    fps: 24,
  },
  {
    name: "kling-v2-1-master",
    modes: ["std", "pro"],
    ignoresMode: true,
    durations: CLASSIC_DURATIONS,
    sound: "none",
    cameraControl: null,
    cfgScale: false,
    multiShot: false,
    resolution: { std: 1080, pro: 1080 },
    fps: 24,
  },
  {
    name: "kling-v2-5-turbo",
    modes: ["std", "pro"],
    ignoresMode: false,
    durations: CLASSIC_DURATIONS,
    sound: "none",
    cameraControl: null,
    cfgScale: false,
    multiShot: false,
    resolution: { std: 720, pro: 1080 },
    fps: 24,
  },
  {
    name: "kling-v2-6",
    modes: ["std", "pro"],
    ignoresMode: false,
    durations: CLASSIC_DURATIONS,
    sound: "pro",
    cameraControl: null,
    cfgScale: false,
    multiShot: false,
    resolution: { std: 720, pro: 1080 },
    fps: 24,
  },
  {
    name: "kling-v3",
    modes: ["std", "pro", "4k"],
    ignoresMode: false,
    durations: V3_DURATIONS,
    sound: "any",
    cameraControl: null,
    cfgScale: false,
    multiShot: true,
    resolution: { std: 720, pro: 1080, "4k": 2160 },
    fps: 24,
  },
];

/** Models that exist in Kling but not on this endpoint, with where they do live. */
export const NOT_TEXT_TO_VIDEO: Readonly<Record<string, string>> = {
  "kling-v1-5": "image-to-video only (/v1/videos/image2video)",
  "kling-v2-1": "image-to-video only (/v1/videos/image2video)",
  "kling-v3-omni": "omni-video only (/v1/videos/omni-video)",
  "kling-video-o1": "omni-video only (/v1/videos/omni-video)",
};

export const DEFAULT_MODEL = "kling-v1";

export function findTextToVideoModel(name: string): ModelCapabilities | undefined {
  return TEXT_TO_VIDEO_MODELS.find((model) => model.name === name);
}

export type VideoSize = "full" | "small";

/** Frame size for a task; "small" is a quarter of full in each dimension, for fast tests. */
export function frameSize(
  model: ModelCapabilities,
  mode: Mode,
  aspectRatio: AspectRatio,
  size: VideoSize,
): { width: number; height: number } {
  const shortSide = model.resolution[model.ignoresMode ? "std" : mode] ?? 720;
  const longSide = (shortSide * 16) / 9;
  const full =
    aspectRatio === "16:9"
      ? { width: longSide, height: shortSide }
      : aspectRatio === "9:16"
        ? { width: shortSide, height: longSide }
        : { width: shortSide, height: shortSide };
  const divisor = size === "small" ? 4 : 1;
  // yuv420p needs even dimensions; all of these already are, the rounding is a guard.
  return { width: evenFloor(full.width / divisor), height: evenFloor(full.height / divisor) };
}

function evenFloor(value: number): number {
  return Math.floor(value / 2) * 2;
}
