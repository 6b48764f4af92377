// The Kling text-to-video capability matrix (docs/KLING_API.md §9.2) as data. The UI, the server
// action and the tests read it; nothing else decides what a model can do. An operator can replace
// it without a code change (lib/kling/catalog.ts, KLING_CATALOG_FILE).
import { z } from "zod";

export const MODES = ["std", "pro"] as const;
export type Mode = (typeof MODES)[number];
export const MODE_LABELS: Record<Mode, string> = { std: "Standard", pro: "Professional" };

export const ASPECT_RATIOS = ["16:9", "9:16", "1:1"] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

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
/** A camera that does not move: the base every config is filled from. */
export const ZERO_CAMERA: Readonly<Record<CameraAxis, number>> = {
  horizontal: 0,
  vertical: 0,
  pan: 0,
  tilt: 0,
  roll: 0,
  zoom: 0,
};

/** Where a feature is allowed: in these modes, and (when given) only at these durations. */
const gateSchema = z.object({
  modes: z.array(z.enum(MODES)),
  durations: z.array(z.number().int().positive()).optional(),
});
export type FeatureGate = z.infer<typeof gateSchema>;

export const modelCapabilitySchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  summary: z.string(),
  /** false: the model takes no `mode` parameter (kling-v2-master, kling-v2-1-master). */
  acceptsMode: z.boolean(),
  /** Durations in seconds per mode (for mode-less models, under "std"). */
  durations: z.object({
    std: z.array(z.number().int().positive()),
    pro: z.array(z.number().int().positive()),
  }),
  negativePrompt: z.boolean(),
  cfgScale: z.boolean(),
  cameraControl: gateSchema.nullable(),
  sound: gateSchema.nullable(),
  /** Takes a storyboard (multi_shot, shot_type, multi_prompt; KLING_API.md §4.1). */
  multiShot: z.boolean().default(false),
  /** Typical seconds from submit to result, for the queue's "elapsed vs typical". */
  typicalSeconds: z.number().positive(),
  /** Shown but not selectable (retired upstream). */
  retired: z.boolean().default(false),
});
export type ModelCapability = z.infer<typeof modelCapabilitySchema>;

const FIVE_TEN = [5, 10];
const THREE_TO_FIFTEEN = Array.from({ length: 13 }, (_, index) => index + 3);

export const DEFAULT_MODELS: ModelCapability[] = [
  {
    id: "kling-v3",
    label: "Kling 3.0",
    summary: "Newest; 3–15 s, native audio",
    acceptsMode: true,
    durations: { std: THREE_TO_FIFTEEN, pro: THREE_TO_FIFTEEN },
    negativePrompt: true,
    cfgScale: false, // the contract is silent; we treat it like the other v2+ models [INF]
    cameraControl: null,
    sound: { modes: ["std", "pro"] },
    multiShot: true,
    typicalSeconds: 180,
    retired: false,
  },
  {
    id: "kling-v2-6",
    label: "Kling 2.6",
    summary: "Native audio in Professional mode",
    acceptsMode: true,
    durations: { std: FIVE_TEN, pro: FIVE_TEN },
    negativePrompt: true,
    cfgScale: false,
    cameraControl: null,
    sound: { modes: ["pro"] },
    multiShot: false,
    typicalSeconds: 150,
    retired: false,
  },
  {
    id: "kling-v2-5-turbo",
    label: "Kling 2.5 Turbo",
    summary: "Fast and inexpensive",
    acceptsMode: true,
    durations: { std: FIVE_TEN, pro: FIVE_TEN },
    negativePrompt: true,
    cfgScale: false,
    cameraControl: null,
    sound: null,
    multiShot: false,
    typicalSeconds: 60,
    retired: false,
  },
  {
    id: "kling-v2-1-master",
    label: "Kling 2.1 Master",
    summary: "1080p master quality; no mode choice",
    acceptsMode: false,
    durations: { std: FIVE_TEN, pro: [] },
    negativePrompt: true,
    cfgScale: false,
    cameraControl: null,
    sound: null,
    multiShot: false,
    typicalSeconds: 300,
    retired: false,
  },
  {
    id: "kling-v2-master",
    label: "Kling 2.0 Master",
    summary: "720p master quality; no mode choice",
    acceptsMode: false,
    durations: { std: FIVE_TEN, pro: [] },
    negativePrompt: true,
    cfgScale: false,
    cameraControl: null,
    sound: null,
    multiShot: false,
    typicalSeconds: 300,
    retired: false,
  },
  {
    id: "kling-v1-6",
    label: "Kling 1.6",
    summary: "CFG scale; 24 fps",
    acceptsMode: true,
    durations: { std: FIVE_TEN, pro: FIVE_TEN },
    negativePrompt: true,
    cfgScale: true,
    cameraControl: null,
    sound: null,
    multiShot: false,
    typicalSeconds: 120,
    retired: false,
  },
  {
    id: "kling-v1",
    label: "Kling 1.0",
    summary: "The only model with camera control (Standard, 5 s)",
    acceptsMode: true,
    durations: { std: FIVE_TEN, pro: FIVE_TEN },
    negativePrompt: true,
    cfgScale: true,
    cameraControl: { modes: ["std"], durations: [5] },
    sound: null,
    multiShot: false,
    typicalSeconds: 120,
    retired: false,
  },
];

export function gateAllows(gate: FeatureGate | null, mode: Mode, duration: number): boolean {
  if (!gate) return false;
  return gate.modes.includes(mode) && (!gate.durations || gate.durations.includes(duration));
}

/** "Standard, 5 s only" – how the UI and error messages describe a gate. */
export function describeGate(gate: FeatureGate | null): string {
  if (!gate) return "not supported by this model";
  const modes = gate.modes.map((mode) => MODE_LABELS[mode]).join(" or ");
  const durations = gate.durations ? `, ${gate.durations.map((seconds) => `${seconds} s`).join(" or ")}` : "";
  return `${modes} mode${durations} only`;
}
