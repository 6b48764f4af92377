// The studio form's state and the rules that connect it to the catalog: what each control may
// do for the chosen model, and the request the form would send. Pure, so the UI, its tests and
// the server agree.
import type { GenerationRequestInput } from "@/lib/generations/request";
import { type ShotType, storyboardUnavailable } from "@/lib/generations/storyboard.validation";
import type { Catalog } from "@/lib/kling/catalog";
import {
  type AspectRatio,
  CAMERA_AXES,
  type CameraAxis,
  type CameraType,
  describeGate,
  gateAllows,
  type Mode,
  type ModelCapability,
  ZERO_CAMERA,
} from "@/lib/kling/models";
import { estimateUnits, unitsToUsd } from "@/lib/kling/pricing";

export interface StudioDraft {
  prompt: string;
  negativePrompt: string;
  model: string;
  mode: Mode;
  duration: number;
  aspectRatio: AspectRatio;
  cfgScale: number;
  camera: { type: CameraType | "none"; config: Record<CameraAxis, number> };
  sound: boolean;
  /** The shot list; kept while switched off or on a model without multi-shot, sent only when usable. */
  storyboard: StoryboardDraft;
}

export interface StoryboardDraft {
  enabled: boolean;
  shotType: ShotType;
  /** `key` keeps React's list identity across reordering. */
  shots: Array<{ key: string; prompt: string; duration: number }>;
}

export function defaultDraft(catalog: Catalog): StudioDraft {
  const model = catalog.models.find((candidate) => !candidate.retired) ?? catalog.models[0];
  return fitDraftToModel(catalog, {
    prompt: "",
    negativePrompt: "",
    model: model.id,
    mode: "std",
    duration: 5,
    aspectRatio: "16:9",
    cfgScale: DEFAULT_CFG_SCALE,
    camera: { type: "none", config: { ...ZERO_CAMERA } },
    sound: false,
    storyboard: { enabled: false, shotType: "customize", shots: [] },
  });
}

/** After a model, mode or duration change: keep every setting that still fits, adjust the rest. */
export function fitDraftToModel(catalog: Catalog, draft: StudioDraft): StudioDraft {
  const model = findModel(catalog, draft.model);
  if (!model) return draft;
  const mode: Mode = model.acceptsMode ? draft.mode : "std";
  // A written-out storyboard sets the clip's length: the shots always add up to it.
  if (writesShots(model, draft))
    return { ...draft, mode, duration: draft.storyboard.shots.reduce((sum, shot) => sum + shot.duration, 0) };
  const durations = model.durations[mode].length ? model.durations[mode] : model.durations.std;
  const duration = durations.includes(draft.duration) ? draft.duration : nearest(durations, draft.duration);
  return { ...draft, mode, duration };
}

export interface Availability {
  enabled: boolean;
  reason?: string;
}

/** For each optional control: usable with this model, mode and duration, or why not. */
export function controlAvailability(catalog: Catalog, draft: StudioDraft) {
  const model = findModel(catalog, draft.model);
  const no = (reason: string): Availability => ({ enabled: false, reason });
  if (!model) {
    const unknown = no("Unknown model");
    return {
      mode: unknown,
      negativePrompt: unknown,
      cfgScale: unknown,
      camera: unknown,
      sound: unknown,
      storyboard: unknown,
    };
  }
  return {
    mode: model.acceptsMode ? { enabled: true } : no(`${model.label} has no mode choice`),
    negativePrompt: model.negativePrompt ? { enabled: true } : no(`${model.label} takes no negative prompt`),
    cfgScale: model.cfgScale
      ? { enabled: true }
      : no(`${model.label} has no CFG scale (Kling 2.x and later)`),
    camera: gateAllows(model.cameraControl, draft.mode, draft.duration)
      ? { enabled: true }
      : no(
          model.cameraControl
            ? `${model.label}: ${describeGate(model.cameraControl)}`
            : `${model.label} has no camera control`,
        ),
    storyboard: storyboardUnavailable(model) ? no(storyboardUnavailable(model) as string) : { enabled: true },
    sound: gateAllows(model.sound, draft.mode, draft.duration)
      ? { enabled: true }
      : no(
          model.sound ? `${model.label}: ${describeGate(model.sound)}` : `${model.label} has no native audio`,
        ),
  };
}

/** What Generate sends. Settings the model cannot take are left out, and listed by `notSent`. */
export function draftToRequest(catalog: Catalog, draft: StudioDraft): GenerationRequestInput {
  const available = controlAvailability(catalog, draft);
  const cameraSet = draft.camera.type !== "none";
  const storyboard = storyboardRequest(draft, available.storyboard.enabled);
  return {
    // Kling takes no prompt beside written-out shots.
    prompt: storyboard.shotType === "customize" ? "" : draft.prompt,
    negativePrompt: available.negativePrompt.enabled ? draft.negativePrompt : "",
    model: draft.model,
    mode: draft.mode,
    duration: draft.duration,
    aspectRatio: draft.aspectRatio,
    cfgScale: available.cfgScale.enabled ? draft.cfgScale : null,
    camera:
      cameraSet && available.camera.enabled
        ? draft.camera.type === "simple"
          ? { type: "simple", config: { ...draft.camera.config } }
          : { type: draft.camera.type as Exclude<CameraType, "simple"> }
        : null,
    sound: available.sound.enabled ? draft.sound : false,
    ...storyboard,
  };
}

/** Kling's own default; a draft at any other value has had it set by the person. */
export const DEFAULT_CFG_SCALE = 0.5;

/** Settings the person made that this model will not receive: shown, never silently dropped. */
export function notSent(catalog: Catalog, draft: StudioDraft): string[] {
  const available = controlAvailability(catalog, draft);
  const dropped: string[] = [];
  if (draft.negativePrompt.trim() && !available.negativePrompt.enabled) dropped.push("negative prompt");
  if (draft.camera.type !== "none" && !available.camera.enabled) dropped.push("camera movement");
  if (draft.sound && !available.sound.enabled) dropped.push("native audio");
  if (draft.cfgScale !== DEFAULT_CFG_SCALE && !available.cfgScale.enabled) dropped.push("CFG scale");
  if (draft.storyboard.enabled && !available.storyboard.enabled) dropped.push("storyboard");
  return dropped;
}

export function costOf(catalog: Catalog, draft: StudioDraft) {
  const request = draftToRequest(catalog, draft);
  const units = estimateUnits(catalog.pricing, {
    model: request.model,
    mode: request.mode,
    duration: request.duration,
    sound: Boolean(request.sound),
  });
  return units === null ? null : { units, usd: unitsToUsd(catalog.pricing, units) };
}

/** Kling's rule for "simple": one axis at a time. Moving one slider resets the others. */
export function setCameraAxis(draft: StudioDraft, axis: CameraAxis, value: number): StudioDraft {
  const config =
    draft.camera.type === "simple" || draft.camera.type === "none"
      ? { ...ZERO_CAMERA, [axis]: value }
      : { ...draft.camera.config, [axis]: value };
  return {
    ...draft,
    camera: { type: value === 0 && draft.camera.type === "none" ? "none" : "simple", config },
  };
}

export function findModel(catalog: Catalog, id: string): ModelCapability | undefined {
  return catalog.models.find((model) => model.id === id);
}

export function activeAxis(draft: StudioDraft): CameraAxis | null {
  return CAMERA_AXES.find((axis) => draft.camera.config[axis] !== 0) ?? null;
}

/** True when the draft's storyboard is on, usable by the model and written out shot by shot. */
export function writesShots(model: ModelCapability | undefined, draft: StudioDraft) {
  return Boolean(model?.multiShot && draft.storyboard.enabled && draft.storyboard.shotType === "customize");
}

function storyboardRequest(draft: StudioDraft, usable: boolean) {
  if (!usable || !draft.storyboard.enabled) return { shotType: null, shots: [] };
  if (draft.storyboard.shotType === "intelligence") return { shotType: "intelligence" as const, shots: [] };
  return {
    shotType: "customize" as const,
    shots: draft.storyboard.shots.map((shot) => ({ prompt: shot.prompt, duration: shot.duration })),
  };
}

function nearest(values: number[], target: number) {
  return values.reduce(
    (best, value) => (Math.abs(value - target) < Math.abs(best - target) ? value : best),
    values[0],
  );
}
