import type { CameraControl } from "../validation-camera";

export interface RenderShot {
  prompt: string;
  durationSec: number;
}

/** Everything a render process needs; plain data so it crosses the IPC channel unchanged. */
export interface RenderJob {
  outputPath: string;
  /** A second file with a visible watermark, or null. */
  watermarkOutputPath: string | null;
  width: number;
  height: number;
  fps: number;
  durationSec: number;
  modelName: string;
  /** What the HUD prints for the mode, e.g. "pro" or "no mode". */
  modeLabel: string;
  aspectRatio: string;
  sound: boolean;
  negativePrompt: string;
  camera: CameraControl | null;
  /** One shot for an ordinary prompt; several for kling-v3 multi-shot. */
  shots: RenderShot[];
}
