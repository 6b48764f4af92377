import { createSeededRandom } from "../prng";

// A deterministic scene for a prompt: the same words always give the same colours and shapes, so a
// person can tell two renders apart and recognise a re-render. Units: 1 = the frame's short side.

export type ShapeKind = "circle" | "square" | "triangle" | "diamond" | "ring";

export interface SceneShape {
  kind: ShapeKind;
  x: number;
  y: number;
  size: number;
  color: string;
  /** Animation phase and speed, so the picture moves even without a camera move. */
  phase: number;
  bob: number;
  spin: number;
}

export interface SceneLabel {
  text: string;
  x: number;
  y: number;
  color: string;
}

export interface Scene {
  skyTop: string;
  skyBottom: string;
  ground: string;
  gridColor: string;
  /** World y of the horizon. */
  horizon: number;
  sun: { x: number; y: number; radius: number; color: string };
  shapes: SceneShape[];
  labels: SceneLabel[];
}

/** The scene repeats with this period, so any camera move finds something to look at. */
export const TILE = { width: 3.2, height: 2.4 } as const;

const SHAPE_KINDS: readonly ShapeKind[] = ["circle", "square", "triangle", "diamond", "ring"];

export function sceneFor(prompt: string): Scene {
  const random = createSeededRandom(`scene:${prompt.trim().toLowerCase()}`);
  const hue = random.int(0, 359);
  const dusk = random.next() < 0.35;
  const shapes: SceneShape[] = [];
  const shapeCount = random.int(10, 16);
  for (let i = 0; i < shapeCount; i++) {
    shapes.push({
      kind: random.pick(SHAPE_KINDS),
      x: (random.next() - 0.5) * TILE.width,
      y: (random.next() - 0.5) * TILE.height,
      size: 0.06 + random.next() * 0.14,
      color: hsl(hue + random.pick([0, 30, 150, 180, 210]) + random.int(-12, 12), 70, 45 + random.int(0, 25)),
      phase: random.next() * Math.PI * 2,
      bob: 0.01 + random.next() * 0.03,
      spin: (random.next() - 0.5) * 1.2,
    });
  }
  return {
    skyTop: hsl(hue + 200, 55, dusk ? 14 : 38),
    skyBottom: hsl(hue + 170, 60, dusk ? 38 : 72),
    ground: hsl(hue + 90, 35, dusk ? 16 : 30),
    gridColor: "rgba(255,255,255,0.22)",
    horizon: 0.12 + random.next() * 0.1,
    sun: {
      x: (random.next() - 0.5) * 1.2,
      y: -0.25 - random.next() * 0.2,
      radius: 0.08 + random.next() * 0.06,
      color: dusk ? hsl(hue + 20, 90, 70) : hsl(45, 95, 62),
    },
    shapes,
    labels: labelsFor(prompt, random, hue),
  };
}

function labelsFor(prompt: string, random: ReturnType<typeof createSeededRandom>, hue: number): SceneLabel[] {
  const words = [...new Set(prompt.toLowerCase().match(/[\p{L}\p{N}]{4,}/gu) ?? [])].slice(0, 6);
  return words.map((text, i) => ({
    text,
    x: ((i + 0.5) / words.length - 0.5) * TILE.width * 0.9,
    y: (random.next() - 0.5) * TILE.height * 0.7,
    color: hsl(hue + i * 47, 65, 28),
  }));
}

function hsl(hue: number, saturation: number, lightness: number): string {
  return `hsl(${((hue % 360) + 360) % 360}, ${saturation}%, ${lightness}%)`;
}
