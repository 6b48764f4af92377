import type { CameraControl } from "../validation-camera";

/**
 * Where the virtual camera is at a moment of the clip. Offsets are in scene units (1 = frame short
 * side); angles in radians; zoom > 1 magnifies. The scene is drawn through the inverse of this pose,
 * so a camera moving right makes the picture slide left, as in a real shot.
 */
export interface CameraPose {
  x: number;
  y: number;
  yaw: number;
  pitch: number;
  roll: number;
  zoom: number;
}

export const STILL: CameraPose = { x: 0, y: 0, yaw: 0, pitch: 0, roll: 0, zoom: 1 };

const DEG = Math.PI / 180;
/** Full-scale (value 10) movement over one clip for each axis. */
const FULL_SCALE = { translateX: 0.9, translateY: 0.6, rotate: 30 * DEG, roll: 45 * DEG, zoomOctaves: 1 };

/** progress runs 0..1 over the clip (or over the shot in multi-shot). */
export function cameraPose(camera: CameraControl | null, progress: number): CameraPose {
  const pose = rawPose(camera, progress);
  // Adding 0 turns -0 into 0, so a still pose compares equal to STILL.
  return {
    x: pose.x + 0,
    y: pose.y + 0,
    yaw: pose.yaw + 0,
    pitch: pose.pitch + 0,
    roll: pose.roll + 0,
    zoom: pose.zoom,
  };
}

function rawPose(camera: CameraControl | null, progress: number): CameraPose {
  if (!camera) return STILL;
  const p = smoothstep(progress);
  switch (camera.type) {
    case "simple": {
      const c = camera.config ?? { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 0 };
      return {
        x: (c.horizontal / 10) * FULL_SCALE.translateX * p,
        // Positive vertical moves the camera up, i.e. towards negative canvas y.
        y: -(c.vertical / 10) * FULL_SCALE.translateY * p,
        // Current docs: pan turns around the y-axis (+right), tilt around the x-axis (+up).
        yaw: (c.pan / 10) * FULL_SCALE.rotate * p,
        pitch: (c.tilt / 10) * FULL_SCALE.rotate * p,
        roll: (c.roll / 10) * FULL_SCALE.roll * p,
        // Positive zoom = shorter focal length = wider field of view = the picture shrinks.
        zoom: 2 ** (-(c.zoom / 10) * FULL_SCALE.zoomOctaves * p),
      };
    }
    case "down_back":
      return { ...STILL, pitch: -0.7 * FULL_SCALE.rotate * p, y: 0.15 * p, zoom: 2 ** (-0.8 * p) };
    case "forward_up":
      return { ...STILL, pitch: 0.7 * FULL_SCALE.rotate * p, y: -0.15 * p, zoom: 2 ** (0.8 * p) };
    case "right_turn_forward":
      return turnThenForward(1, progress);
    case "left_turn_forward":
      return turnThenForward(-1, progress);
  }
}

/** First half: turn; second half: move forward along the new heading. */
function turnThenForward(direction: 1 | -1, progress: number): CameraPose {
  const turn = smoothstep(Math.min(1, progress * 2));
  const forward = smoothstep(Math.max(0, progress * 2 - 1));
  return { ...STILL, yaw: direction * FULL_SCALE.rotate * turn, zoom: 2 ** (0.8 * forward) };
}

export function describePose(pose: CameraPose): string {
  const sign = (v: number) => (v >= 0 ? "+" : "") + v.toFixed(2);
  const deg = (v: number) => `${(v / DEG).toFixed(0)}°`;
  return `x ${sign(pose.x)}  y ${sign(-pose.y)}  pan ${deg(pose.yaw)}  tilt ${deg(pose.pitch)}  roll ${deg(pose.roll)}  zoom ${pose.zoom.toFixed(2)}x`;
}

export function describeCamera(camera: CameraControl | null): string {
  if (!camera) return "camera: none (model's choice)";
  if (camera.type !== "simple" || !camera.config) return `camera: ${camera.type}`;
  const config = camera.config;
  const axis = (Object.keys(config) as (keyof typeof config)[]).find((key) => config[key] !== 0);
  return axis ? `camera: simple ${axis} ${config[axis] > 0 ? "+" : ""}${config[axis]}` : "camera: simple";
}

function smoothstep(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x * x * (3 - 2 * x);
}
