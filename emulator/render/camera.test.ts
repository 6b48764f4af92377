import { describe, expect, it } from "vitest";
import type { CameraControl } from "../validation-camera";
import { cameraPose, describeCamera, STILL } from "./camera";

const simple = (axis: string, value: number): CameraControl => ({
  type: "simple",
  config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 0, [axis]: value },
});
const DEG = Math.PI / 180;

describe("camera moves", () => {
  it("start still and apply the full move by the end of the clip", () => {
    for (const camera of [simple("zoom", 10), { type: "down_back" } as CameraControl, null]) {
      expect(cameraPose(camera, 0)).toEqual(STILL);
    }
    expect(cameraPose(simple("horizontal", 10), 1).x).toBeCloseTo(0.9);
    expect(cameraPose(simple("horizontal", -5), 1).x).toBeCloseTo(-0.45);
    expect(cameraPose(simple("vertical", 10), 1).y).toBeCloseTo(-0.6); // up = towards negative canvas y
    expect(cameraPose(simple("pan", 10), 1).yaw).toBeCloseTo(30 * DEG);
    expect(cameraPose(simple("tilt", -10), 1).pitch).toBeCloseTo(-30 * DEG);
    expect(cameraPose(simple("roll", 10), 1).roll).toBeCloseTo(45 * DEG);
    expect(cameraPose(simple("zoom", 10), 1).zoom).toBeCloseTo(0.5); // wider field of view
    expect(cameraPose(simple("zoom", -10), 1).zoom).toBeCloseTo(2);
  });

  it("moves only the one axis that was asked for", () => {
    const pose = cameraPose(simple("roll", 4), 0.7);
    expect({ ...pose, roll: 0 }).toEqual(STILL);
    expect(pose.roll).toBeGreaterThan(0);
  });

  it("builds the four presets from their documented parts", () => {
    const downBack = cameraPose({ type: "down_back", config: null }, 1);
    expect(downBack.pitch).toBeLessThan(0);
    expect(downBack.zoom).toBeLessThan(1);
    const forwardUp = cameraPose({ type: "forward_up", config: null }, 1);
    expect(forwardUp.pitch).toBeGreaterThan(0);
    expect(forwardUp.zoom).toBeGreaterThan(1);
    const right = { type: "right_turn_forward", config: null } as const;
    expect(cameraPose(right, 0.5)).toMatchObject({ yaw: 30 * DEG, zoom: 1 }); // turned, not yet forward
    expect(cameraPose(right, 1).zoom).toBeGreaterThan(1.5);
    const left = cameraPose({ type: "left_turn_forward", config: null }, 1);
    expect(left.yaw).toBeCloseTo(-30 * DEG);
    expect(left.zoom).toBeCloseTo(cameraPose(right, 1).zoom);
  });

  it("describes the request for the on-screen HUD", () => {
    expect(describeCamera(simple("zoom", 5))).toBe("camera: simple zoom +5");
    expect(describeCamera(simple("pan", -2.5))).toBe("camera: simple pan -2.5");
    expect(describeCamera({ type: "forward_up", config: null })).toBe("camera: forward_up");
    expect(describeCamera(null)).toBe("camera: none (model's choice)");
  });
});
